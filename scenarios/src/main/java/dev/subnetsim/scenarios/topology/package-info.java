/**
 * The world's subnets and nodes ({@link dev.subnetsim.scenarios.topology.Topology}): node ids
 * allocated densely from 0 in subnet order, each subnet with its role, size and regions.
 */
package dev.subnetsim.scenarios.topology;
