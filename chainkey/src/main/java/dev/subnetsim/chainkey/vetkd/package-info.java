/**
 * vetKD, verifiably encrypted threshold key derivation (eprint 2023/616), byte-compatible with
 * dfinity/vetkeys ({@code @dfinity/vetkeys} 0.4.0 {@code EncryptedVetKey.decryptAndVerify}) and
 * the replica side of dfinity/ic {@code rs/crypto/internal/crypto_lib/bls12_381/vetkd}.
 *
 * <ul>
 *   <li>{@link dev.subnetsim.chainkey.vetkd.DerivationContext}: the two-step public derivation
 *       (canister id, then an optional context) of a derived key from the master key, and its
 *       scalar offset;
 *   <li>{@link dev.subnetsim.chainkey.vetkd.VetKdRequest}: what a canister asks for (context,
 *       input, transport public key), prepared once into the derived key and message point;
 *   <li>{@link dev.subnetsim.chainkey.vetkd.VetKdNode}: a replica's encrypted key share;
 *   <li>{@link dev.subnetsim.chainkey.vetkd.EncryptedKeyCombiner}: share verification and
 *       Lagrange combination into the 192-byte {@link dev.subnetsim.chainkey.vetkd.EncryptedVetKey},
 *       attributing invalid shares to their senders;
 *   <li>{@link dev.subnetsim.chainkey.vetkd.TransportSecretKey} and {@link
 *       dev.subnetsim.chainkey.vetkd.EncryptedVetKey#decryptAndVerify}: the client.
 * </ul>
 */
package dev.subnetsim.chainkey.vetkd;
