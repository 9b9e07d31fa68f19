package dev.subnetsim.replica.chainkey.presig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgDealer;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.replica.block.BlockExecutor;
import dev.subnetsim.replica.block.BlockOutcome;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.canisters.KeyValueCanister;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.RoutingTable;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Presignatures made in the background through block payloads: four nodes' dealers deal each
 * transcript from their own openings, blocks carry the dealings, execution verifies, records and
 * builds them, and requests waiting for a presignature are matched in queue order. Consensus is
 * left out (every proposal is in the next block); the whole pipeline through consensus runs in the
 * scenarios' simulation tests.
 */
class PresignatureRefillTest {
  private static final long S = 1_000_000_000L;
  private static final int N = 4;
  private static final byte[] HASH = new byte[32];
  private static final List<byte[]> PATH = List.of("wallet".getBytes(StandardCharsets.UTF_8));
  private static final String K1 = "ecdsa/" + EcCurve.SECP256K1;

  /** A subnet whose stashes start empty (target 2 per key, 2 in flight), driven block by block. */
  private static final class Bed {
    final SeededRandom rng = SeededRandom.fromSeed(5);
    final ChainKeyGenesis keys = ChainKeyGenesis.generate("refill", N, 2, 2,
        new RefillPolicy(false, 2), rng.fork("keys"));
    final SubnetExecution subnet = new SubnetExecution("refill", RoutingTable.single("refill", true),
        Map.of(KeyValueCanister.NAME, new KeyValueCanister(), ChainKeyProxyCanister.NAME,
            new ChainKeyProxyCanister()), Map.of(SubnetExecution.COUNTER, KeyValueCanister.NAME,
            SubnetExecution.CHAIN_KEY_PROXY, ChainKeyProxyCanister.NAME), Optional.of(keys), 8,
        rng.fork("workers"), slice -> false);
    final ReplicatedState state = subnet.genesisState();
    final Presignatures presignatures = keys.publicKeys().signing().presignatures();
    final List<PresignatureDealer> dealers = new ArrayList<>();
    /** Proposed items by content, in proposal order (the next block carries all of them). */
    final LinkedHashMap<String, byte[]> pool = new LinkedHashMap<>();
    final List<PresignatureDealer.Blame> blamed = new ArrayList<>();
    final List<String> rejectedItems = new ArrayList<>();
    final List<BlockOutcome.ChainKeyCompleted> completed = new ArrayList<>();
    /** The nodes asked for signature shares, in order (the first threshold that have one sign). */
    List<Integer> signers = List.of(0, 1, 2, 3);
    long height;

    Bed(int corruptDealer) {
      for (int i = 0; i < N; i++) {
        dealers.add(new PresignatureDealer(i, presignatures, keys.shares().get(i).signing(),
            rng.fork("dealer/" + i), i == corruptDealer));
      }
    }

    /** A block carrying every proposal and {@code extra}; then every dealer runs. */
    void block(List<byte[]> extra) {
      List<byte[]> items = new ArrayList<>(pool.values());
      items.addAll(extra);
      execute(height + 1, items);
      deal();
    }

    /** Executes a block of exactly {@code items} at height {@code h} (no dealer runs). */
    BlockOutcome execute(long h, List<byte[]> items) {
      height = h;
      var outcome = subnet.executor().execute(state, height, height * S, new byte[32], items);
      rejectedItems.addAll(outcome.rejectedItems());
      completed.addAll(outcome.chainKey());
      return outcome;
    }

    /** Every dealer's part after the last executed block. */
    void deal() {
      for (PresignatureDealer d : dealers) {
        apply(d.afterExecution(state));
      }
    }

    void apply(PresignatureDealer.Effects e) {
      e.withdraw().forEach(item -> pool.remove(HexFormat.of().formatHex(item)));
      e.propose().forEach(item -> pool.put(HexFormat.of().formatHex(item), item));
      blamed.addAll(e.rejections());
    }

    /** Runs blocks carrying dealings and a threshold of shares for every matched request. */
    void runUntilAnswered(int requests, int maxBlocks) {
      for (int i = 0; i < maxBlocks && completed.size() < requests; i++) {
        block(answers());
      }
    }

    List<byte[]> answers() {
      List<byte[]> items = new ArrayList<>();
      for (ChainKeyRequest r : state.chainKeyRequests().values()) {
        var scheme = subnet.management().schemes().get(r.method());
        if (!scheme.ready(r)) {
          continue;
        }
        TreeMap<Integer, byte[]> shares = new TreeMap<>();
        for (int i : signers) {
          if (shares.size() == scheme.threshold()) {
            break;
          }
          try {
            shares.put(i, scheme.createShare(state, r, keys.shares().get(i),
                rng.fork("share/" + r.id() + "/" + i)));
          } catch (IllegalStateException noShare) {
            // this node was dealt garbage for the presignature: the others sign
          }
        }
        if (shares.size() == scheme.threshold()) {
          items.add(new PayloadItem.ChainKeyResponse(r.id(), shares).encode());
        }
      }
      return items;
    }

    byte[] call(ManagementRequest r, long seq) {
      return LoadClient.fromSeed(0).sign(new PayloadItem.Workload(seq, 0,
          SubnetExecution.CHAIN_KEY_PROXY, "call",
          ChainKeyProxyCanister.callArg(r.method(), r.encode()))).encode();
    }

    byte[] signature(String method, int nth) {
      return ManagementReply.Signature.decode(completed.stream()
          .filter(c -> c.request().method().equals(method)).skip(nth).findFirst().orElseThrow()
          .reply().encode()).signature();
    }

    byte[] derivedKey(IdkgTranscript key) {
      return IcKeyDerivation.derive(key.commitment().constantTerm(), DerivationPath.forCanister(
          subnet.proxy().toBytes(), PATH)).publicKey().encode();
    }
  }

  private static boolean bouncyCastleEcdsa(String curve, byte[] publicKey, byte[] signature) {
    var x9 = CustomNamedCurves.getByName(curve);
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(x9.getCurve().decodePoint(publicKey),
        new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN())));
    return verifier.verifySignature(HASH, new BigInteger(1, Arrays.copyOfRange(signature, 0, 32)),
        new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)));
  }

  private static ManagementRequest ecdsa(String curve) {
    return new ManagementRequest.SignWithEcdsa(curve, HASH, PATH, SigningKeys.KEY_NAME);
  }

  private static ManagementRequest schnorr(String algorithm) {
    return new ManagementRequest.SignWithSchnorr(algorithm, HASH, PATH, Optional.empty(),
        SigningKeys.KEY_NAME);
  }

  @Test
  void requestsQueuedBeforeAnyPresignatureExistsWaitAndAreSignedWithRefilledOnesThatBouncyCastleVerifies() {
    Bed bed = new Bed(-1);
    bed.block(List.of(bed.call(ecdsa("secp256k1"), 0), bed.call(ecdsa("secp256k1"), 1),
        bed.call(ecdsa("secp256k1"), 2), bed.call(schnorr("ed25519"), 3),
        bed.call(schnorr("bip340"), 4)));
    assertThat(bed.state.chainKeyRequests()).hasSize(5);
    assertThat(bed.state.chainKeyRequests().values()).allSatisfy(r ->
        assertThat(ByteBuffer.wrap(r.context()).getLong()).isEqualTo(-1));
    // Three secp256k1 requests wait; at most two instances are made at once.
    assertThat(bed.presignatures.building(bed.state, K1)).containsExactly(0L, 1L);

    bed.runUntilAnswered(5, 30);

    assertThat(bed.completed).hasSize(5);
    assertThat(bed.rejectedItems).isEmpty();
    assertThat(bed.blamed).isEmpty();
    var signing = bed.keys.publicKeys().signing();
    for (int i = 0; i < 3; i++) {
      assertThat(bouncyCastleEcdsa("secp256k1", bed.derivedKey(signing.ecdsaKeys()
          .get(EcCurve.SECP256K1)), bed.signature("sign_with_ecdsa", i))).isTrue();
    }
    Ed25519Signer ed = new Ed25519Signer();
    ed.init(false, new Ed25519PublicKeyParameters(bed.derivedKey(signing.schnorrKeys()
        .get(ThresholdSchnorr.Algorithm.ED25519))));
    ed.update(HASH, 0, HASH.length);
    assertThat(ed.verifySignature(bed.signature("sign_with_schnorr", 0))).isTrue();
    // The three ECDSA requests used three distinct presignatures (distinct R).
    assertThat(bed.completed.stream().filter(c -> c.request().method().equals("sign_with_ecdsa"))
        .map(c -> HexFormat.of().formatHex(Arrays.copyOf(ManagementReply.Signature.decode(
            c.reply().encode()).signature(), 32))).distinct()).hasSize(3);
  }

  @Test
  void aUsedPresignatureIsDroppedFromTheStateAndTheStashIsRefilledToItsTarget() {
    Bed bed = new Bed(-1);
    bed.block(List.of(bed.call(ecdsa("secp256k1"), 0)));
    bed.runUntilAnswered(1, 30);
    assertThat(bed.completed).hasSize(1);
    long used = ByteBuffer.wrap(bed.completed.get(0).request().context()).getLong();
    for (int i = 0; i < 10; i++) {
      bed.block(List.of());
    }
    assertThat(bed.state.presignatureRecords().keySet())
        .noneMatch(k -> k.startsWith(PresignatureInstances.instance(K1, used)));
    for (String key : bed.presignatures.keyIds()) {
      assertThat(bed.presignatures.available(bed.state, key)).as(key).isEqualTo(2);
      assertThat(bed.presignatures.building(bed.state, key)).as(key).isEmpty();
    }
  }

  @Test
  void aPubliclyInvalidDealingIsAttributedToItsSenderInGossipAndToTheMakerInABlock() {
    Bed bed = new Bed(-1);
    bed.block(List.of(bed.call(ecdsa("secp256k1"), 0)));
    // Round one (kappa masked, lambda) done: kappa is a reshare of kappa masked.
    bed.block(List.of());
    var params = bed.presignatures.params(bed.state, K1, 0, "kappa").orElseThrow();
    // Dealer 1 deals a fresh secret instead of its share of kappa masked: the reshare's constant
    // term is not its public share, which public verification sees.
    var forged = IdkgDealer.deal(params, 1, List.of(new CommitmentOpening.Pedersen(
        EcScalar.random(EcCurve.SECP256K1, bed.rng.fork("x")), EcScalar.random(EcCurve.SECP256K1,
            bed.rng.fork("y")))), bed.rng.fork("forged"));
    var item = new PayloadItem.PresignatureDealing(K1, 0, "kappa", 1, forged.toBytes());

    bed.apply(bed.dealers.get(0).onDealing(bed.state, 1, item, item.encode()));
    assertThat(bed.blamed).singleElement().satisfies(b -> {
      assertThat(b.node()).isEqualTo(1);
      assertThat(b.reason()).contains("invalid presignature dealing");
    });
    bed.apply(bed.dealers.get(0).onDealing(bed.state, 2, item, item.encode()));
    assertThat(bed.blamed.get(1).node()).isEqualTo(2);
    assertThat(bed.blamed.get(1).reason()).contains("of dealer 1 sent by node 2");

    var outcome = bed.execute(3, List.of(item.encode()));
    assertThat(outcome.rejectedItems()).singleElement().asString()
        .contains("invalid presignature dealing");
    assertThat(bed.presignatures.hasDealing(bed.state, K1, 0, "kappa", 1)).isFalse();
    bed.deal();
    bed.runUntilAnswered(1, 30);
    assertThat(bed.completed).hasSize(1);
  }

  @Test
  void undecodableDealingBytesAreBlamedAsAMalformedDealing() {
    Bed bed = new Bed(-1);
    bed.block(List.of(bed.call(ecdsa("secp256k1"), 0)));
    bed.block(List.of());
    // A transcript id of 1 byte, then nothing.
    var item = new PayloadItem.PresignatureDealing(K1, 0, "kappa", 1, new byte[] {0, 0, 0, 1});
    bed.apply(bed.dealers.get(0).onDealing(bed.state, 1, item, item.encode()));
    assertThat(bed.blamed).singleElement().satisfies(b ->
        assertThat(b.reason()).contains("malformed presignature dealing"));
  }

  @Test
  void aDealerEncryptingGarbageToOneNodeIsBlamedByThatNodeAndTheOthersStillSign() {
    // Dealer 0's dealings are the first in every block, so every transcript is built from them.
    Bed bed = new Bed(0);
    bed.block(List.of(bed.call(ecdsa("p256"), 0), bed.call(schnorr("ed25519"), 1)));
    bed.runUntilAnswered(2, 40);
    assertThat(bed.completed).hasSize(2);
    assertThat(bed.blamed).isNotEmpty().allSatisfy(b -> {
      assertThat(b.node()).isEqualTo(0);
      assertThat(b.reason()).contains("does not decrypt").contains("for node 1");
    });
    assertThat(bouncyCastleEcdsa("secp256r1", bed.derivedKey(bed.keys.publicKeys().signing()
        .ecdsaKeys().get(EcCurve.P256)), bed.signature("sign_with_ecdsa", 0))).isTrue();
  }

  @Test
  void aNodeWhoseShareDoesNotDecryptComplainsIsAnsweredWithOpeningsAndSignsWithItsRecoveredShare() {
    Bed bed = new Bed(0);
    // Only nodes 1 and 2 sign: node 1, dealt garbage by dealer 0, must have recovered its shares.
    bed.signers = List.of(1, 2);
    bed.block(List.of(bed.call(ecdsa("p256"), 0)));
    bed.runUntilAnswered(1, 40);

    assertThat(bed.completed).hasSize(1);
    assertThat(bed.rejectedItems).isEmpty();
    assertThat(bed.blamed).isNotEmpty().allSatisfy(b -> {
      assertThat(b.node()).isZero();
      assertThat(b.reason()).contains("for node 1; complaining through consensus");
    });
    assertThat(bed.state.presignatureRecords().keySet()).anyMatch(k -> k.contains("#opening/"));
    assertThat(bouncyCastleEcdsa("secp256r1", bed.derivedKey(bed.keys.publicKeys().signing()
        .ecdsaKeys().get(EcCurve.P256)), bed.signature("sign_with_ecdsa", 0))).isTrue();
  }

  @Test
  void falseComplaintsAndWrongOrUnaskedOpeningsOfPresignatureDealingsAreRejected() {
    Bed bed = new Bed(0);
    bed.block(List.of(bed.call(ecdsa("p256"), 0)));
    bed.block(List.of());
    String key = "ecdsa/" + EcCurve.P256;
    Presignatures.Built lambda = bed.presignatures.built(bed.state, key, 0, "lambda")
        .orElseThrow();
    var d0 = PresignatureComplaints.dealing(lambda, 0).orElseThrow();
    var node2 = bed.keys.shares().get(2).signing().presignatureShares();
    var node1 = bed.keys.shares().get(1).signing().presignatureShares();
    // Node 2 decrypts dealer 0's dealing: its complaint is false. Node 1's is true.
    var c2 = node2.complain(lambda.params(), d0, bed.rng.fork("c2"));
    var c1 = node1.complain(lambda.params(), d0, bed.rng.fork("c1"));
    var opening = node2.part(lambda, d0).orElseThrow();
    var ped = (CommitmentOpening.Pedersen) opening;
    byte[] unasked = new PayloadItem.PresignatureOpening(key, 0, "lambda", 0, 2,
        ped.value().toBytes(), ped.mask().toBytes()).encode();
    byte[] wrong = new PayloadItem.PresignatureOpening(key, 0, "lambda", 0, 2,
        ped.value().toBytes(), ped.value().toBytes()).encode();
    var out = bed.execute(bed.height + 1, List.of(
        new PayloadItem.PresignatureComplaint(key, 0, "lambda", 0, 2, c2.dh().encode(),
            c2.proof().toBytes()).encode(),
        unasked,
        new PayloadItem.PresignatureComplaint(key, 0, "lambda", 0, 1, c1.dh().encode(),
            c1.proof().toBytes()).encode(),
        wrong,
        new PayloadItem.PresignatureOpening(key, 0, "lambda", 0, 2, new byte[] {1},
            new byte[0]).encode(),
        unasked));
    assertThat(out.rejectedItems()).hasSize(4);
    assertThat(out.rejectedItems().get(0)).startsWith("false presignature complaint of node 2");
    assertThat(out.rejectedItems().get(1)).contains("which no upheld complaint asks for");
    assertThat(out.rejectedItems().get(2)).startsWith("wrong presignature opening by node 2");
    assertThat(out.rejectedItems().get(3)).startsWith("malformed presignature opening");
    assertThat(bed.presignatures.complained(bed.state, key, 0, "lambda")).containsExactly(0);
    assertThat(bed.presignatures.openings(bed.state, lambda, key, 0, "lambda", 0))
        .singleElement().satisfies(o -> assertThat(o.opener()).isEqualTo(2));
  }

  @Test
  void anInstanceThatGetsNoDealingsIsAbandonedAndItsSlotReopened() {
    Bed bed = new Bed(-1);
    bed.block(List.of(bed.call(ecdsa("secp256k1"), 0)));
    assertThat(bed.presignatures.building(bed.state, K1)).containsExactly(0L, 1L);
    // Every dealer withholds: blocks come without dealings.
    for (long h = 2; h <= 2 + PresignatureInstances.ABANDON_AFTER_BLOCKS; h++) {
      bed.execute(h, List.of());
    }
    assertThat(bed.presignatures.building(bed.state, K1)).containsExactly(2L, 3L);
    assertThat(bed.state.presignatureRecords().keySet())
        .noneMatch(k -> k.startsWith(PresignatureInstances.instance(K1, 0)));
    bed.deal();
    bed.runUntilAnswered(1, 30);
    assertThat(bed.completed).hasSize(1);
  }

  @Test
  void presignatureRecordsTravelInTheCheckpointAndAreCoveredByTheStateManifest() {
    Bed bed = new Bed(-1);
    bed.block(List.of(bed.call(ecdsa("secp256k1"), 0)));
    bed.block(List.of());
    assertThat(bed.state.presignatureRecords()).isNotEmpty();
    ReplicatedState copy = ReplicatedState.decode(bed.state.encode());
    assertThat(copy.presignatureRecords().keySet())
        .isEqualTo(bed.state.presignatureRecords().keySet());
    assertThat(copy.manifestHash()).isEqualTo(bed.state.manifestHash());
    copy.putPresignatureRecord(K1 + "#ready", new byte[8]);
    assertThat(copy.manifestHash()).isNotEqualTo(bed.state.manifestHash());
  }
}
