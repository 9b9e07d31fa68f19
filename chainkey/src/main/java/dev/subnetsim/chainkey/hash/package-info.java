/**
 * Hashing primitives shared by the BLS12-381 and the elliptic-curve code: {@link
 * dev.subnetsim.chainkey.hash.ExpandMessageXmd} (RFC 9380 section 5.3.1). Depends on no other
 * chainkey package, so both group packages can use it without a cycle.
 */
package dev.subnetsim.chainkey.hash;
