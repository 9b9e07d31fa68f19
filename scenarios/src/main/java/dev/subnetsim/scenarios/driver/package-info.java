/**
 * The simulated world's conductor (docs/ARCHITECTURE.md, "Determinism"; scenarios/WORLD.md).
 *
 * <h2>How a run replays bit-for-bit from its seed</h2>
 *
 * <ol>
 *   <li>{@link dev.subnetsim.scenarios.driver.SimulationDriver} owns virtual time (nanoseconds)
 *       and an event queue ordered by (time, insertion sequence). It is the only sender to the
 *       replica actors; replicas never hold each other's references and never read a clock.
 *   <li>Each iteration takes the lookahead window [T, H) with T the earliest event and
 *       H = min(T + L, next partition/heal, end), L the minimum link latency. Nothing sent inside
 *       the window can arrive inside it, so every replica with events in the window gets them in
 *       one {@code Step} and all such replicas run in parallel on the replica dispatcher
 *       ({@link dev.subnetsim.scenarios.driver.DispatcherConfig}, 1/2/4... threads). A replica's
 *       own timers that fall inside the window are fired by its shell
 *       ({@code dev.subnetsim.replica.ReplicaShell}) in time order.
 *   <li>The driver waits for every {@code Stepped} answer (collected by node id, so arrival order
 *       is irrelevant), then {@code OutputRouter} merges the outputs canonically: by virtual time,
 *       node id, step index, output index. In that order observations go to the trace and the
 *       invariant checkers, sends go through the {@link dev.subnetsim.scenarios.net.LinkModel}
 *       (whose generators are forked from the run seed, so each sample is a function of the seed
 *       and the canonical order only) and are queued as deliveries, and timers are queued.
 *   <li>Everything delivered, dropped, observed or injected is hashed in order into the trace
 *       hash. {@link dev.subnetsim.scenarios.driver.ReplayCheck} compares hashes across thread
 *       counts; the determinism tests compare them across seeds and JVMs and against a golden.
 * </ol>
 *
 * <p>Faults: crash and restart are in-band control events of the replica's step (ordered with its
 * messages; a restart is a fresh logic from the factory with a {@code Start(incarnation > 0)};
 * timers of earlier incarnations are discarded); a pause holds everything addressed to the node
 * until it ends; partitions, heals, link degradations and clock steps change the world at window
 * boundaries, so each send and each clock reading sees the state of its own time. Send
 * interceptors (Byzantine network behaviours) sit between a replica's sends and the link model;
 * a step's virtual CPU time ({@code StepOutput.cpuNanos}) delays its sends.
 */
package dev.subnetsim.scenarios.driver;
