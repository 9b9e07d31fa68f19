package dev.subnetsim.consensus.roles;

import static dev.subnetsim.consensus.roles.ArtifactChecks.check;
import static dev.subnetsim.consensus.roles.ArtifactChecks.shortHex;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.dkg.SubnetDkg;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Validator.Verdict;
import java.util.TreeMap;

/**
 * The {@link Validator}'s certification family: certification shares and certifications, bound
 * to their height through this replica's own state root (they wait for execution).
 */
final class CertificationValidator {
  private final ConsensusCrypto crypto;
  private final SubnetDkg dkg;

  CertificationValidator(ConsensusCrypto crypto, SubnetDkg dkg) {
    this.crypto = crypto;
    this.dkg = dkg;
  }

  /**
   * A share over the state root of its height. The signed message is the root alone (external
   * verifiers check those bytes), so the height is bound as the IC binds it: the root must be our
   * own at that height. Until we have executed the height the share waits; a share over another
   * root is rejected (an honest signer's share relabelled to another height, or a divergent
   * signer's), never stored where it could combine into a certification of the wrong height.
   */
  Verdict certificationShare(ConsensusPool pool, CertificationShare s) {
    Bytes own = pool.stateRoots.get(s.height());
    if (own == null) {
      return s.height() > pool.executedHeight ? Verdict.PENDING : Verdict.IGNORED;
    }
    Bytes root = Bytes.of(s.stateRoot());
    check(own.equals(root), "certification share of node index " + s.signer()
        + " at height " + s.height() + " is over state root " + shortHex(root)
        + ", not our root " + shortHex(own));
    if (pool.certifications.containsKey(s.height())) {
      return Verdict.IGNORED;
    }
    EpochKeys keys = dkg.keys(s.height()).orElse(null);
    if (keys == null) {
      return Verdict.PENDING;
    }
    check(crypto.verifyCertificationShare(keys.certificationShares(), s.signer(),
        SignedMessages.certificationMessage(s.stateRoot()), s.share()),
        "invalid certification share of node index " + s.signer());
    pool.certificationShares.computeIfAbsent(s.height(), k -> new TreeMap<>())
        .computeIfAbsent(root, k -> new TreeMap<>())
        .put(s.signer(), s.share());
    return Verdict.ACCEPTED;
  }

  /**
   * A certification is accepted for its height only if its root is our own root there, checked
   * once we have executed that height. One over another root is either relabelled from another
   * height (rejected, so it never displaces the genuine one) or proof that our own execution
   * diverged. The two are told apart only where the height is signed: at a CUP height, n-f CUP
   * shares on the content with that root (at least f+1 of them honest) show the subnet certified
   * it there; it is then accepted, and the replica sees that its own root differs.
   */
  Verdict certification(ConsensusPool pool, Certification c, Changes changes) {
    long h = c.height();
    Bytes own = pool.stateRoots.get(h);
    if (own == null) {
      return h > pool.executedHeight ? Verdict.PENDING : Verdict.IGNORED;
    }
    Bytes root = Bytes.of(c.stateRoot());
    boolean ours = own.equals(root);
    String wrongRoot = "certification at height " + h + " is over state root "
        + shortHex(root) + ", not our root " + shortHex(own);
    Certification held = pool.certifications.get(h);
    if (held != null) {
      // Nothing displaces the certification we hold.
      check(ours || Bytes.of(held.stateRoot()).equals(root), wrongRoot);
      return Verdict.IGNORED;
    }
    if (!ours) {
      check(h % pool.config().cupInterval() == 0, wrongRoot);
      Boolean signedByCup = certifiedByCupShares(pool, c);
      if (signedByCup == null) {
        return Verdict.PENDING; // the CUP shares of this height will decide
      }
      check(signedByCup, wrongRoot);
    }
    check(crypto.verifyCertification(SignedMessages.certificationMessage(c.stateRoot()),
        c.signature()), "invalid certification at " + h);
    pool.certifications.put(h, c);
    changes.certified.add(c);
    changes.combined.add(new Changes.CombinedArtifact("certification", h,
        crypto.certificationPublicKey(), SignedMessages.certificationMessage(c.stateRoot()),
        c.signature()));
    return Verdict.ACCEPTED;
  }

  /**
   * Whether n-f valid CUP shares sign the CUP content this certification would make at its
   * (CUP) height: true, false once the CUP of that height is signed or passed without it, null
   * while undecided.
   */
  private Boolean certifiedByCupShares(ConsensusPool pool, Certification c) {
    long h = c.height();
    Block b = pool.finalizedBlocks.get(h);
    byte[] beacon = pool.beacons.get(h);
    byte[] summary = dkg.cupSummary(h).orElse(null);
    if (h <= pool.latestCup.height()) {
      return false;
    }
    if (b == null || beacon == null || summary == null) {
      return null;
    }
    byte[] content = new CatchUpPackage(h, b.hash(), beacon,
        c.stateRoot(), c.signature(), summary).contentHash();
    TreeMap<Integer, byte[]> shares = pool.cupShares.getOrDefault(h, new TreeMap<>())
        .get(Bytes.of(content));
    return shares != null && shares.size() >= pool.config().quorum() ? Boolean.TRUE : null;
  }
}
