/**
 * Reproducible randomness: {@link dev.subnetsim.chainkey.random.SeededRandom}, an HMAC_DRBG
 * SecureRandom forked per purpose from a run's seed. Every random choice of a simulated run comes
 * from here, so a run is a function of its seed (docs/ARCHITECTURE.md, "Determinism").
 */
package dev.subnetsim.chainkey.random;
