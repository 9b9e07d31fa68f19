package dev.subnetsim.replica.components;

import dev.subnetsim.replica.state.ReplicatedState;

/**
 * What a component reads when it handles a peer's message: the replica's local time and its
 * executed state (components must not modify it).
 */
public record ReplicaView(long now, ReplicatedState state) {}
