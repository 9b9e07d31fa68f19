/**
 * The timed fault schedule (crashes, restarts, pauses, partitions, link degradations, clock
 * steps), the questions checkers ask of it (who is faulty when, since when is a subnet healthy),
 * and random schedules for fuzzing.
 */
package dev.subnetsim.scenarios.faults;
