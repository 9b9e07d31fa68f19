package dev.subnetsim.replica;

/**
 * A one-shot timer: deliver {@link InboundEvent.TimerFired}{@code (timerId)} at the absolute
 * local time {@code atLocalNanos}. Timers are requests to the driver, never Pekko timers, so that
 * simulated time is the driver's alone. There is no cancel: logic ignores timers it no longer
 * needs (by id), which keeps the driver's queue append-only.
 */
public record TimerRequest(long atLocalNanos, long timerId) {}
