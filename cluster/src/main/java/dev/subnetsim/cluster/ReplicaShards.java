package dev.subnetsim.cluster;

import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;

/**
 * One shard per replica (the shard is the node number of the entity id {@code runId/node}), so
 * the coordinator's least-shards allocation spreads a run's replicas evenly over the workers,
 * instead of letting hash collisions stack several on one shard.
 */
final class ReplicaShards
    extends ShardingMessageExtractor<ShardingEnvelope<DriverProtocol.Command>,
        DriverProtocol.Command> {

  @Override
  public String entityId(ShardingEnvelope<DriverProtocol.Command> envelope) {
    return envelope.entityId();
  }

  @Override
  public String shardId(String entityId) {
    return entityId.substring(entityId.lastIndexOf('/') + 1);
  }

  @Override
  public DriverProtocol.Command unwrapMessage(ShardingEnvelope<DriverProtocol.Command> envelope) {
    return envelope.message();
  }
}
