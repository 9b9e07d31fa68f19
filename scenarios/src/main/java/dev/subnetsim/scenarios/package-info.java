/**
 * Module scenarios: the simulated world (virtual-time driver, link models, topologies, faults,
 * Byzantine behaviours, invariant checkers, the scenario DSL and catalog) and
 * {@link dev.subnetsim.scenarios.RunRandom}, the seeded generators of a run. Its place among the
 * modules and the determinism mechanism: the repository's README.md ("Modules") and
 * docs/ARCHITECTURE.md; the scenario file reference: scenarios/README.md.
 */
package dev.subnetsim.scenarios;
