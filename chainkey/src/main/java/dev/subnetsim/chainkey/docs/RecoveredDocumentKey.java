package dev.subnetsim.chainkey.docs;

import dev.subnetsim.chainkey.ec.EcPoint;
import java.util.SortedSet;

/**
 * The requester's result: the document key M, the nodes whose shadows were used, and the nodes
 * whose shadows failed verification (attributed to their senders).
 */
public record RecoveredDocumentKey(EcPoint documentKey, SortedSet<Integer> contributors, SortedSet<Integer> rejectedNodes) {}
