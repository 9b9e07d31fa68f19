/**
 * One replica: the seam between pure replica logic and its actor shell.
 *
 * <ul>
 *   <li>{@link dev.subnetsim.replica.ReplicaLogic}: pure, single-threaded
 *       {@code step(localNow, events) -> StepOutput}; created per incarnation by a
 *       {@link dev.subnetsim.replica.ReplicaLogicFactory}.
 *   <li>{@link dev.subnetsim.replica.InboundEvent}: messages, timers, ingress, and lifecycle
 *       controls (Start, Crash) that the shell acts on.
 *   <li>{@link dev.subnetsim.replica.StepOutput}: envelopes to send (via the
 *       {@link dev.subnetsim.replica.net.Network} seam), timer requests in local time, and
 *       {@link dev.subnetsim.replica.Observation}s for checkers and the trace.
 *   <li>{@link dev.subnetsim.replica.ReplicaActor}: the Pekko Typed shell; one {@code Step} per
 *       lookahead window in, one {@code Stepped} out; no Pekko timers, no wall clock.
 * </ul>
 */
package dev.subnetsim.replica;
