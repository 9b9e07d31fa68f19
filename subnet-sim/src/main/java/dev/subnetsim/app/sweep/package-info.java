/**
 * {@code subnet-sim sweep} and {@code subnet-sim experiment}: a grid of scenario-field values
 * ({@link dev.subnetsim.app.sweep.SweepGrid}) times seeds, every point validated before any runs
 * ({@link dev.subnetsim.app.sweep.SweepPlan}), run in parallel and resumable
 * ({@link dev.subnetsim.app.sweep.SweepRunner}), written in long form
 * ({@link dev.subnetsim.app.sweep.SweepTables}) and as charts with confidence intervals over seeds
 * ({@link dev.subnetsim.app.sweep.SweepHtml}).
 */
package dev.subnetsim.app.sweep;
