/**
 * A parsed scenario as records ({@link dev.subnetsim.scenarios.spec.ScenarioSpec}): subnets,
 * consensus parameters, network, workload, faults, invariants and pass criteria, with times in
 * virtual nanoseconds. The YAML reference is scenarios/README.md.
 */
package dev.subnetsim.scenarios.spec;
