/**
 * The result model a finished run hands to the report writers: invariant verdicts, time series,
 * latencies and counts ({@link dev.subnetsim.scenarios.result.RunResult}); the fields of
 * {@code summary.json} are listed in docs/FORMATS.md.
 */
package dev.subnetsim.scenarios.result;
