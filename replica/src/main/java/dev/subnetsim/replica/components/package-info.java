/**
 * The consensus replica as components in the IC's style: each owns some message kinds and its own
 * bookkeeping, reads a view of the state, and returns an immutable {@link
 * dev.subnetsim.replica.components.ChangeSet} (messages to send, payload items to propose or
 * withdraw, rejections with their sender, observations) that {@link
 * dev.subnetsim.replica.components.ChangeSetApplier} applies in one place. Byzantine withholding
 * and invalid chain-key shares are {@link dev.subnetsim.replica.components.ChangeSetDecorator}s.
 */
package dev.subnetsim.replica.components;
