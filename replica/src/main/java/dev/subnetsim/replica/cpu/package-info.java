/**
 * Each node's virtual CPU: the operations a replica's step is charged for ({@link
 * dev.subnetsim.replica.cpu.CpuOp}, counted per step in a {@link dev.subnetsim.replica.cpu.CpuWork}),
 * their costs ({@link dev.subnetsim.replica.cpu.CpuCosts}: the versioned reference table beside
 * these classes, measured by the JMH benchmark {@code CpuCostBenchmark}, none, or a user's file) and
 * the model that prices a step ({@link dev.subnetsim.replica.cpu.CpuModel}: cost over cores). Counts,
 * never timings, so a run prices its work identically on every machine. It depends on nothing else
 * in the replica, so every package that does work can count it here.
 */
package dev.subnetsim.replica.cpu;
