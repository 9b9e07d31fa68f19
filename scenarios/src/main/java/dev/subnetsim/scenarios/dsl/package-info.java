/**
 * Scenario files to {@code ScenarioSpec}: a YAML reader that keeps line numbers, the parser
 * (types, units, unknown keys with suggestions) and the validator (references, ranges, fault
 * budget). Every error names the file, line and field (scenarios/README.md).
 */
package dev.subnetsim.scenarios.dsl;
