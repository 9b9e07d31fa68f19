/**
 * One replica's artifact pool: validated artifacts by height in sorted maps, what it signed
 * itself ({@link dev.subnetsim.consensus.pool.ConsensusPool}), and the ingress pool of payload
 * items waiting for a block ({@link dev.subnetsim.consensus.pool.IngressPool}).
 */
package dev.subnetsim.consensus.pool;
