/**
 * Fault search: {@code FaultFuzzer} draws a random fault schedule for a scenario's topology from a
 * seed (within the f &lt; n/3 budget, or beyond it to find forks and stalls), {@code FuzzCase} is one
 * drawn case, {@code Shrinker} removes faults and shortens the run while a failure persists, and
 * {@code ScenarioYaml} writes the smallest failing case as a scenario file that {@code subnet-sim
 * run} reproduces (scenarios/README.md, "Fuzzing").
 */
package dev.subnetsim.scenarios.fuzz;
