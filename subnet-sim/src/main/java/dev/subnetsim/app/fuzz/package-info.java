/**
 * The {@code fuzz} command's campaign: runs seeds (in parallel with {@code --jobs}), collects each
 * seed's schedule, result, trace hash and wall seconds, shrinks failing seeds, and writes
 * {@code fuzz.json}, {@code junit.xml} and each failing seed's run folder and shrunk scenario.
 */
package dev.subnetsim.app.fuzz;
