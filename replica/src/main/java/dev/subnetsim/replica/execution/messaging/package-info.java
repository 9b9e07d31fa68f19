/**
 * Inter-canister messaging inside one subnet's replicated state: the input queue, call contexts
 * and callbacks (interface spec, "Call contexts" and "Callbacks"), and where responses go.
 */
package dev.subnetsim.replica.execution.messaging;
