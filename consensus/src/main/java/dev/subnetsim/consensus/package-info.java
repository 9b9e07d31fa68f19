/**
 * Module consensus: Internet Computer Consensus as pure logic over an artifact pool, one class per
 * role, driven by {@link dev.subnetsim.consensus.ConsensusNode#step}, whose parts are classes of
 * this package: received artifacts validated, deferred and retried ({@code PendingArtifacts}),
 * finalization of the chain ({@code ChainFinalizer}), the tip's rebroadcast ({@code
 * TipRebroadcaster}) and a catch-up response's chain adopted ({@code CatchUpIngestion}). The
 * consensus variant (ICC, or ICC with Fast ICC's fast path) is {@code ConsensusConfig#protocol},
 * package {@code protocol}. Depends
 * only on chainkey; no Pekko, no I/O, no clock. Its place among the modules and the path of a
 * consensus message: the repository's README.md ("Modules") and docs/ARCHITECTURE.md.
 */
package dev.subnetsim.consensus;
