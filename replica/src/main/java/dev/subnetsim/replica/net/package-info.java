/**
 * How replica logic talks: {@link dev.subnetsim.replica.net.Envelope}s of bytes addressed by node
 * id through the {@link dev.subnetsim.replica.net.Network} seam; in simulated mode the
 * implementation only collects them into the step's output, in call order.
 */
package dev.subnetsim.replica.net;
