/**
 * The {@code subnet-sim} command line (picocli): one subcommand per user task (run, validate,
 * sweep, experiment, fuzz, replay, report, pipeline) and the exit status contract
 * ({@link dev.subnetsim.app.cli.SubnetSimCli}: 0 passed, 1 invariant failed, 2 bad input, 3
 * internal error).
 */
package dev.subnetsim.app.cli;
