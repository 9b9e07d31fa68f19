/**
 * A run's trace: every delivered, dropped, observed or injected event in the driver's canonical
 * order, hashed into the trace hash ({@link dev.subnetsim.scenarios.trace.TraceHasher} over
 * {@link dev.subnetsim.scenarios.trace.TraceEncoding}) and optionally written as JSON lines.
 */
package dev.subnetsim.scenarios.trace;
