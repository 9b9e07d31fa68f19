package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.ec.EcPoint;
import java.util.SortedSet;

/**
 * x*Q, interpolated from the shares of {@code contributors}; {@code rejectedNodes} sent shares
 * that failed verification (attribution for the caller's Byzantine bookkeeping).
 */
public record CombinedDh(EcPoint point, SortedSet<Integer> contributors, SortedSet<Integer> rejectedNodes) {}
