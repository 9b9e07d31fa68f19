/**
 * Distributed key generation for threshold BLS12-381 with no trusted dealer, and resharing to a
 * new committee: a simplified, complaint-based variant of the IC's non-interactive DKG (NIDKG,
 * dfinity/ic {@code rs/crypto/internal/crypto_lib/threshold_sig/bls12_381/src/ni_dkg}; Groth,
 * "Non-interactive distributed key generation and key resharing", eprint 2021/339).
 *
 * <h2>Protocol</h2>
 *
 * <ol>
 *   <li>Each dealer ({@link dev.subnetsim.chainkey.dkg.DkgDealer}) picks a random polynomial of
 *       {@code threshold} coefficients (for resharing: with its old key share as constant term)
 *       and publishes a {@link dev.subnetsim.chainkey.dkg.Dealing}: the Feldman commitment in G2
 *       and each receiver's share encrypted to that receiver's key.
 *   <li>Everyone checks dealings publicly ({@link dev.subnetsim.chainkey.dkg.DealingValidator});
 *       for resharing this includes "committed constant term = the dealer's old public key
 *       share".
 *   <li>Each receiver ({@link dev.subnetsim.chainkey.dkg.DkgReceiver}) decrypts its share of each
 *       dealing and checks it against the commitment; on a mismatch it publishes a {@link
 *       dev.subnetsim.chainkey.dkg.Complaint} revealing the DH key of its ciphertext with a
 *       Chaum-Pedersen proof, which anyone checks ({@link
 *       dev.subnetsim.chainkey.dkg.ComplaintVerifier}).
 *   <li>{@link dev.subnetsim.chainkey.dkg.TranscriptBuilder} drops invalid dealings and dealers
 *       with upheld complaints (attributing them), takes the collection threshold of the rest and
 *       combines the commitments: the public key is the sum of the included dealers' constant
 *       terms (fresh) or their Lagrange interpolation at 0 (resharing: unchanged key).
 *   <li>Each receiver combines its shares of the included dealings into its key share (sum, or
 *       Lagrange combination over the dealers' old indices) and checks it against the
 *       transcript. No party ever computes the secret key.
 * </ol>
 *
 * <h2>What is simplified relative to the IC's NIDKG, and why</h2>
 *
 * <ul>
 *   <li><b>Encryption.</b> The IC encrypts shares with Groth's forward-secure, chunked ElGamal
 *       (shares split into 16-bit chunks, encrypted in G1 under a binary-tree key that nodes
 *       update each epoch). Here: multi-recipient hashed ElGamal over G1 with one ephemeral key
 *       per dealing, the share masked additively in Fr ({@code ShareEncryption}). Why: chunking
 *       exists only so that the NIZKs below can work in the exponent, and forward secrecy
 *       protects past epochs against later key theft, a threat the simulator does not model.
 *   <li><b>No forward secrecy.</b> A receiver's encryption key is fixed; whoever steals it later
 *       can decrypt every past dealing to it.
 *   <li><b>No NIZK proofs of correct sharing and chunking.</b> The IC's dealings carry proofs
 *       that every ciphertext encrypts the committed evaluation, so dealings are publicly
 *       verifiable and no complaint round exists (hence "non-interactive"). Here, public
 *       verification checks only structure (and the reshared constant term); a wrong share is
 *       caught by its receiver, who complains with a publicly checkable proof. This adds one
 *       round (complaints must be collected before the transcript), and assumes honest
 *       receivers are live during it — an honest receiver that misses the complaint window ends
 *       up with a wrong key share. The security properties stay testable: a dealer that gives
 *       any honest receiver a bad share is excluded and attributed, an honest dealer cannot be
 *       framed, and the secret is never reconstructed.
 *   <li><b>Authentication</b> of dealings and complaints (the IC signs them with the node's
 *       signing key) is left to the consensus layer that carries them.
 *   <li><b>Key bias.</b> As in the IC (and Gennaro et al.'s analysis of Feldman-based DKG for
 *       threshold BLS), a rushing dealer can bias the public key by choosing its dealing after
 *       seeing others; threshold BLS remains secure under this bias.
 * </ul>
 *
 * <p>Encodings of {@link dev.subnetsim.chainkey.dkg.Dealing}, {@link
 * dev.subnetsim.chainkey.dkg.Complaint} and {@link dev.subnetsim.chainkey.dkg.Transcript} are
 * canonical (one encoding per value) for use in consensus payloads; decoding rejects malformed
 * input with {@link dev.subnetsim.chainkey.dkg.MalformedDkgBytesException} naming the field.
 */
package dev.subnetsim.chainkey.dkg;
