/**
 * Interactive DKG (IDKG) as in dfinity/ic rs/consensus/src/idkg/spec.md and eprint 2022/506:
 * transcripts (Random, RandomUnmasked, ReshareOfMasked, ReshareOfUnmasked, UnmaskedTimesMasked)
 * whose receivers hold {@link dev.subnetsim.chainkey.idkg.CommitmentOpening openings} of a
 * {@link dev.subnetsim.chainkey.idkg.PolynomialCommitment} (Feldman or Pedersen).
 */
package dev.subnetsim.chainkey.idkg;
