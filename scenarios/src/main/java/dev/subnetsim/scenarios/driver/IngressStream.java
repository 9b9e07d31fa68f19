package dev.subnetsim.scenarios.driver;

import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;

/**
 * Client messages made as they are read rather than held: every iterator gives the same messages
 * in non-decreasing time order (the driver fails the run if one goes back in time).
 */
@FunctionalInterface
public interface IngressStream extends Iterable<IngressInjection> {}
