package dev.subnetsim.replica;

/**
 * One {@link ReplicaLogic#step} the shell performed inside a lookahead window: at local time
 * {@code localNanos}, by incarnation {@code incarnation} of the logic. {@code output.timers()}
 * holds only the timers the driver still has to schedule (those due at or after the window's
 * horizon); earlier ones were fired inside the window by the shell.
 */
public record LocalStep(long localNanos, int incarnation, StepOutput output) {}
