package dev.subnetsim.replica.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.CanisterSignatureIssuer;
import dev.subnetsim.chainkey.certification.CertificateBuilder;
import dev.subnetsim.chainkey.certification.CertificationFixtures;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ecdh.DhShare;
import dev.subnetsim.chainkey.ecdh.EncryptedCombinedDh;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.EncryptedShareProof;
import dev.subnetsim.chainkey.fuzz.DecoderFuzz;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.canisters.Fields;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.messaging.CallContext;
import dev.subnetsim.replica.execution.messaging.Callback;
import dev.subnetsim.replica.execution.messaging.Origin;
import dev.subnetsim.replica.execution.messaging.QueuedMessage;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SenderDelegation;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.management.InvalidManagementArgsException;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.payload.IngressAdmission;
import dev.subnetsim.replica.payload.IngressEnvelope;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.MalformedPayloadItemException;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.query.QueryRequest;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.StreamMessage;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.replica.wire.PeerMessageSamples;
import dev.subnetsim.replica.wire.WireCodecs;
import dev.subnetsim.replica.xnet.XNetSlice;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every replica decoder of bytes a peer can send, put in a block or sync as state is total:
 * fuzzed inputs ({@link DecoderFuzz}) decode or are rejected with the format's one exception.
 */
class ReplicaDecodersFuzzTest {
  private static final long S = 1_000_000_000L;
  private static final SeededRandom RNG = SeededRandom.fromSeed(1819);
  private static final UserKeyPair USER = UserKeyPair.generate(SignatureScheme.ED25519,
      RNG.fork("user"));

  private static void total(String decoder, List<byte[]> valid,
      Class<? extends Throwable> rejection, DecoderFuzz.Decoder d) {
    DecoderFuzz.Outcome o = DecoderFuzz.assertTotal(decoder, decoder.hashCode(), valid, rejection,
        d);
    assertThat(o.rejected()).as(decoder + " rejections").isPositive();
  }

  private static SignedIngress call() {
    return USER.sign(new IngressMessage(USER.principal(), new CanisterId(3).toBytes(), "put",
        "k=v".getBytes(StandardCharsets.UTF_8), 60 * S, new byte[] {7}));
  }

  private static SignedIngress query() {
    return USER.sign(IngressMessage.query(USER.principal(), new CanisterId(3).toBytes(), "get",
        new byte[] {1}, 60 * S, null));
  }

  private static XNetSlice slice() {
    HashTree witness = HashTree.fork(
        HashTree.labeled(utf8("streams"), HashTree.labeled(utf8("app"),
            HashTree.labeled(new byte[8], HashTree.leaf(new StreamMessage.Request(1, new byte[] {4},
                new CanisterId(0), "m", new byte[0]).encode())))),
        HashTree.labeled(utf8("xnet_inducted"), HashTree.labeled(utf8("app"),
            HashTree.leaf(new byte[8]))));
    return new XNetSlice("root", 9, new byte[48], HashTreeCbor.encode(witness));
  }

  private static List<byte[]> payloadItems() {
    return List.of(
        new PayloadItem.Workload(1, 2, 0, "increment", new byte[] {1}).encode(),
        new PayloadItem.Ingress(call()).encode(),
        new PayloadItem.XNet(slice()).encode(),
        new PayloadItem.ChainKeyResponse(5, new TreeMap<>(Map.of(0, new byte[] {1, 2},
            3, new byte[48]))).encode(),
        new PayloadItem.ReshareDealing(1, "ecdsa/secp256k1", 2, new byte[40]).encode(),
        new PayloadItem.PresignatureDealing("ecdsa/secp256k1", 4, "kappa", 1, new byte[40])
            .encode());
  }

  /**
   * Every kind of the codec registry, with its samples as seeds: a kind added to the vocabulary is
   * fuzzed here without a new test (and fails here until it has a sample).
   */
  @Test
  void everyPeerMessageKindOfTheRegistryDecodesOrIsRejected() {
    Map<MessageKind, List<PeerMessage>> samples = PeerMessageSamples.byKind();
    for (MessageKind kind : WireCodecs.codecs().keySet()) {
      assertThat(samples).as("samples of " + kind).containsKey(kind);
      List<byte[]> valid = samples.get(kind).stream().map(WireCodecs::encode).toList();
      DecoderFuzz.Outcome o = DecoderFuzz.assertTotal("WireCodecs.decode/" + kind,
          kind.wireName().hashCode(), valid, MalformedPeerMessageException.class,
          b -> WireCodecs.decode(kind, b));
      if (kind != MessageKind.DELEGATION_REQUEST) {
        assertThat(o.rejected()).as(kind + " rejections").isPositive();
      }
    }
  }

  @Test
  void payloadItemDecode() {
    total("PayloadItem.decode", payloadItems(), MalformedPayloadItemException.class,
        PayloadItem::decode);
  }

  @Test
  void ingressEnvelopeDecode() {
    SignedIngress anonymous = new SignedIngress(new IngressMessage(
        dev.subnetsim.chainkey.ic.Principal.anonymous(), new CanisterId(1).toBytes(), "get",
        new byte[0], 5, null), new byte[0], new byte[0]);
    total("IngressEnvelope.decode", List.of(IngressEnvelope.encode(call()),
        IngressEnvelope.encode(query()), IngressEnvelope.encode(anonymous)),
        MalformedPayloadItemException.class, IngressEnvelope::decode);
  }

  @Test
  void queryRequestDecode() {
    total("QueryRequest.decode", List.of(new QueryRequest(query()).encode()),
        MalformedPayloadItemException.class, QueryRequest::decode);
  }

  private static final LoadClient LOAD = LoadClient.fromSeed(3);

  /** Admission decodes gossiped ingress and checks its signature: it refuses, never throws. */
  @Test
  void ingressAdmissionCheck() {
    List<byte[]> clientItems = List.of(new PayloadItem.Ingress(call()).encode(),
        LOAD.sign(PayloadItem.Workload.counter(1, 0)).encode());
    total("IngressAdmission.check", clientItems, Refused.class, b -> {
      if (IngressAdmission.check(b, S, LOAD.verifier()).isPresent()) {
        throw new Refused();
      }
      return b;
    });
  }

  /**
   * The same with delegation chains: an Ed25519 link, and a canister-signature link verified under
   * the root key (so mutated certificates, witnesses and DER keys reach the canister-signature
   * verifier).
   */
  @Test
  void ingressAdmissionCheckOfDelegatedCalls() {
    UserKeyPair session = UserKeyPair.generate(SignatureScheme.ED25519, RNG.fork("session"));
    IngressMessage m = new IngressMessage(USER.principal(), new CanisterId(3).toBytes(), "put",
        new byte[] {1}, 60 * S, null);
    SignedIngress ed25519 = session.signDelegated(m, USER.publicKeyDer(), List.of(USER.delegate(
        new SessionKeyDelegation(session.publicKeyDer(), 60 * S, Optional.of(List.of(
            Principal.fromBytes(new CanisterId(3).toBytes())))))));
    // The identity canister's way: a canister signature, certified by the root, on the link.
    CertificationFixtures.Fixture fx = CertificationFixtures.fromSeed(195);
    SessionKeyDelegation link = new SessionKeyDelegation(session.publicKeyDer(), 60 * S,
        Optional.empty());
    CanisterSignatureIssuer issuer = new CanisterSignatureIssuer(fx.canisterId());
    byte[] seed = {1};
    issuer.add(seed, link.signedMessage());
    byte[] certificate = CertificateBuilder.certify(CertificationFixtures.stateTree(
        fx.canisterId(), issuer.certifiedData(), S), fx.rootSigner(), Optional.empty()).encode();
    byte[] userKey = issuer.publicKey(seed).toDer();
    SignedIngress canisterSig = session.signDelegated(new IngressMessage(
        Principal.selfAuthenticating(userKey), new CanisterId(3).toBytes(), "put",
        new byte[] {1}, 60 * S, null), userKey, List.of(new SenderDelegation(link,
        issuer.signature(certificate, seed, link.signedMessage()))));
    List<byte[]> clientItems = List.of(new PayloadItem.Ingress(ed25519).encode(),
        new PayloadItem.Ingress(canisterSig).encode());
    total("IngressAdmission.check(delegated)", clientItems, Refused.class, b -> {
      if (IngressAdmission.check(b, S, LOAD.verifier(), Optional.of(fx.rootKeyDer()))
          .isPresent()) {
        throw new Refused();
      }
      return b;
    });
  }

  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void streamMessageDecode() {
    var dealings = new TreeMap<String, List<byte[]>>(Map.of("vetkd", List.of(new byte[] {1, 2}),
        "ecdsa/secp256k1", List.of(new byte[3], new byte[0])));
    total("StreamMessage.decode", List.of(
        new StreamMessage.Request(7, new byte[] {1, 1}, new CanisterId(2), "call", new byte[] {9})
            .encode(),
        new StreamMessage.Response(7, new QueuedMessage.Reply(false, new byte[0], 4, "no"))
            .encode(),
        new StreamMessage.KeysReshared(1, dealings).encode()),
        IllegalArgumentException.class, StreamMessage::decode);
  }

  @Test
  void xnetSliceWitness() {
    XNetSlice valid = slice();
    total("XNetSlice.messagesFor", List.of(valid.witness()), IllegalArgumentException.class,
        w -> {
          XNetSlice s = new XNetSlice("root", 9, new byte[48], w);
          return s.messagesFor("app").size() + s.signalFor("app");
        });
  }

  @Test
  void chainKeyShareMessageDecode() {
    total("ChainKeyShareMessage.decode", List.of(new ChainKeyShareMessage(3, 1, new byte[48])
        .encode(), new ChainKeyShareMessage(0, 0, new byte[0]).encode()),
        IllegalArgumentException.class, ChainKeyShareMessage::decode);
  }

  @Test
  void chainKeyWireDecoders() {
    for (EcCurve curve : List.of(EcCurve.SECP256K1, EcCurve.P256)) {
      EcScalar x = EcScalar.random(curve, RNG.fork(curve + "x"));
      EcPoint g = EcPoint.mulGenerator(EcScalar.one(curve));
      EcPoint p = g.mul(x);
      EcPoint q = p.mul(x);
      EcDleqProof proof = EcDleqProof.prove("fuzz", new byte[0], g, p, x, RNG.fork(curve + "d"));
      total("ChainKeyWire.decodeDhShare/" + curve,
          List.of(ChainKeyWire.encode(new DhShare(2, q, proof))), IllegalArgumentException.class,
          b -> ChainKeyWire.decodeDhShare(curve, b));
      byte[] encrypted = ChainKeyWire.encode(new EncryptedDhShare(1, p, q,
          new EncryptedShareProof(x, x, x)));
      total("ChainKeyWire.decodeEncryptedDhShare/" + curve, List.of(encrypted),
          IllegalArgumentException.class, b -> ChainKeyWire.decodeEncryptedDhShare(curve, b));
      total("ChainKeyWire.decodeEncryptedCombined/" + curve,
          List.of(ChainKeyWire.encode(new EncryptedCombinedDh(p, q, new java.util.TreeSet<>(), new java.util.TreeSet<>()))),
          IllegalArgumentException.class, b -> ChainKeyWire.decodeEncryptedCombined(curve, b));
    }
  }

  @Test
  void replicatedStateDecode() {
    ReplicatedState s = new ReplicatedState();
    s.advance(4, 9 * S);
    s.install(new CanisterState(new CanisterId(0), "key-value", 1_000));
    s.setRequestStatus(new byte[32], RequestStatus.replied(new byte[] {1}));
    s.setRequestStatus(new byte[] {1}, RequestStatus.rejected(3, "no"));
    s.queue().add(new QueuedMessage.Request(new Origin.FromRemote("root", 2), new byte[] {4},
        new CanisterId(0), "get", new byte[] {5}));
    s.queue().add(new QueuedMessage.Response(3, new QueuedMessage.Reply(true, new byte[2], 0,
        "")));
    s.callContexts().put(1L, new CallContext(1, new CanisterId(0),
        new Origin.FromIngress(new byte[32]), false, 1));
    s.callbacks().put(2L, new Callback(2, 1, new CanisterId(0), "ok", "err", new byte[3]));
    s.chainKeyRequests().put(3L, new ChainKeyRequest(3, new Origin.FromCall(2),
        new CanisterId(0), "sign_with_ecdsa", new byte[] {1}, 7, new byte[0]));
    s.appendToStream("app", new byte[] {6});
    s.setInducted("app", 2);
    s.setPresignaturesUsed("ecdsa/secp256k1", 1);
    s.keyRecords().put("installed", new byte[] {0, 0, 0, 1});
    s.putPresignatureRecord("p/1", new byte[] {8});
    ReplicatedState empty = new ReplicatedState();
    total("ReplicatedState.decode", List.of(s.encode(), empty.encode()),
        IllegalArgumentException.class, ReplicatedState::decode);
  }

  @Test
  void managementRequestDecode() {
    List<ManagementRequest> requests = List.of(
        new ManagementRequest.VetKdDeriveKey(new byte[] {1}, new byte[0], new byte[48], "key_1"),
        new ManagementRequest.SignWithEcdsa("secp256k1", new byte[32], List.of(new byte[] {1}),
            "key_1"),
        new ManagementRequest.SignWithSchnorr("bip340", new byte[5], List.of(),
            Optional.of(new byte[32]), "key_1"),
        new ManagementRequest.EcdhDerive("p256", new byte[33], List.of(new byte[4]), Optional.empty(),
            "key_1"),
        new ManagementRequest.DocumentKeyShadows(new byte[33], new byte[33], "key_1"));
    for (ManagementRequest r : requests) {
      total("ManagementRequest.decode/" + r.method(), List.of(r.encode()),
          InvalidManagementArgsException.class, b -> ManagementRequest.decode(r.method(), b));
    }
  }

  @Test
  void managementReplyDecode() {
    total("ManagementReply.PublicKey.decode",
        List.of(new ManagementReply.PublicKey(new byte[33], new byte[32]).encode()),
        InvalidManagementArgsException.class, ManagementReply.PublicKey::decode);
    total("ManagementReply.Ecdh.decode",
        List.of(new ManagementReply.Ecdh(new byte[32], true).encode()),
        InvalidManagementArgsException.class, ManagementReply.Ecdh::decode);
    total("ManagementReply.DocumentKeyShadows.decode",
        List.of(new ManagementReply.DocumentKeyShadows(List.of(new byte[3], new byte[0]))
            .encode()), InvalidManagementArgsException.class,
        ManagementReply.DocumentKeyShadows::decode);
  }

  @Test
  void aStateWhoseOriginTagIsTwoToThe32IsRejectedNotReadAsTagZero() {
    ReplicatedState s = new ReplicatedState();
    s.queue().add(new QueuedMessage.Request(new Origin.FromCall(5), new byte[] {4},
        new CanisterId(0), "m", new byte[0]));
    byte[] b = s.encode();
    // height, time, next id, 0 canisters, 0 statuses (5 x u64), the queues' u32 length, 1
    // queued message (u64), its tag 0 (u64): the origin tag is the u64 at 60.
    assertThat(java.nio.ByteBuffer.wrap(b, 60, 8).getLong()).isEqualTo(1);
    java.nio.ByteBuffer.wrap(b, 60, 8).putLong(1L << 32);
    assertThatThrownBy(() -> ReplicatedState.decode(b))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin tag 4294967296");
  }

  /** Canister arguments arrive in users' ingress, so in blocks; a canister traps on a bad one. */
  @Test
  void canisterFieldsDecode() {
    total("Fields.decode", List.of(Fields.encode(new byte[] {1}, new byte[0])),
        IllegalArgumentException.class, b -> Fields.decode(b, 2));
  }

  @Test
  void aPayloadItemNameLongerThanItsStatedMaximumIsMalformed() {
    String atMost = "k".repeat(PayloadItem.MAX_NAME_BYTES);
    assertThat(PayloadItem.decode(new PayloadItem.ReshareDealing(1, atMost, 0, new byte[1])
        .encode())).isInstanceOf(PayloadItem.ReshareDealing.class);
    byte[] tooLong = new PayloadItem.ReshareDealing(1, atMost + "k", 0, new byte[1]).encode();
    assertThatThrownBy(() -> PayloadItem.decode(tooLong))
        .isExactlyInstanceOf(MalformedPayloadItemException.class)
        .hasMessageContaining("key id of 1025 bytes exceeds 1024");
  }

  @Test
  void aStreamResponseFlagOtherThanZeroOrOneIsRejected() {
    byte[] b = new StreamMessage.Response(7, new QueuedMessage.Reply(true, new byte[0], 0, ""))
        .encode();
    assertThat(b[9]).isEqualTo((byte) 1); // tag, u64 callback id, then the flag
    b[9] = 2;
    assertThatThrownBy(() -> StreamMessage.decode(b))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("response flag 2");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
