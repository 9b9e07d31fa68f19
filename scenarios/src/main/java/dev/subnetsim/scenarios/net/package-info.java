/**
 * The simulated network: latency models, loss, bandwidth with FIFO links, partitions and clock
 * skew, composed in {@link dev.subnetsim.scenarios.net.LinkModel}, whose samples come from
 * generators forked from the run seed in the driver's canonical order.
 */
package dev.subnetsim.scenarios.net;
