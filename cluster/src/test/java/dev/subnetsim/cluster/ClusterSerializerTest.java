package dev.subnetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.PeerInputFailure;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.LocalStep;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaActor;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.TimedEvent;
import dev.subnetsim.replica.TimerRequest;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.scenarios.engine.KeyReport;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every message between the driver and hosted replicas goes through Pekko's serialization as
 * protobuf and comes back equal; the samples are checked to cover every record of each sealed
 * family, so a new message, event or observation without a wire form fails here.
 */
class ClusterSerializerTest {
  private static final ActorTestKit KIT =
      ActorTestKit.create(ConfigFactory.parseString("pekko.loglevel = WARNING")
          .withFallback(ConfigFactory.load()));
  private static final Serialization SERIALIZATION =
      SerializationExtension.get(Adapter.toClassic(KIT.system()));
  private static final NodeId A = new NodeId(3);
  private static final NodeId B = new NodeId(7);

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  /** One event of each kind a replica can be handed. */
  private static List<TimedEvent> everyEvent() {
    return List.of(
        new TimedEvent(1, new InboundEvent.Start(0)),
        new TimedEvent(2, new InboundEvent.MessageDelivered(
            new Envelope(A, B, MessageKind.values()[0], new byte[] {1, 2, 3}))),
        new TimedEvent(3, new InboundEvent.TimerFired(42)),
        new TimedEvent(4, new InboundEvent.IngressSubmitted(Bytes.of(new byte[] {9, 8}))),
        new TimedEvent(5, new InboundEvent.Crash()),
        new TimedEvent(6, new InboundEvent.Start(2)));
  }

  private static Bytes b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return Bytes.of(out);
  }

  /** One observation of each kind, nullable fields both set and unset. */
  private static List<Observation> everyObservation() {
    SubnetId s = new SubnetId("app");
    return List.of(
        new Observation.Finalized(s, 5, b(1, 2)),
        new Observation.StateCertified(s, 5, b(3)),
        new Observation.ArtifactRejected(B, "bad share"),
        new Observation.Metric("ingress_done/4", 0.125),
        new Observation.Metric("nan", Double.NaN),
        new Observation.CombinedSignature(s, "notarization", 6, b(1), b(2), b(3)),
        new Observation.ChainKeyCompleted(s, 7, 11, "sign_with_ecdsa", b(4), b(5), b(6), 10, 20),
        new Observation.ChainKeyCompleted(null, 7, 12, null, b(), b(), b(), 0, 0),
        new Observation.IngressCompleted(s, 8, b(7), true, b(8), 0, null),
        new Observation.IngressCompleted(null, 8, b(7), false, b(), 4, "rejected"),
        new Observation.QueryAnswered(s, 9, b(9), false, b(), "expired", b(1, 1)));
  }

  private static ReplicaActor.Stepped steppedWithEverything() {
    StepOutput out = new StepOutput(
        List.of(new Envelope(A, B, MessageKind.values()[1], new byte[] {4, 5})),
        List.of(new TimerRequest(100, 3)), everyObservation(), 777);
    return ReplicaActor.Stepped.ok(A, 12, List.of(new LocalStep(50, 1, out),
        new LocalStep(60, 1, StepOutput.EMPTY)));
  }

  /** A sample of every message type that crosses the wire. */
  private List<Object> everyMessage(TestProbe<DriverProtocol.Prepared> prepared,
      TestProbe<DriverProtocol.Answer> stepped) {
    List<Object> out = new ArrayList<>();
    out.add(new DriverProtocol.Prepare("run-1", A, "file.yaml", "name: x\n", -5, prepared.ref()));
    out.add(new DriverProtocol.Prepared(A, "", "10.0.0.1:2552"));
    out.add(new DriverProtocol.Prepared(A, "member cannot build the run", "10.0.0.1:2552"));
    out.add(new DriverProtocol.Step("run-1", A, 9, everyEvent(), 1000, stepped.ref()));
    out.add(new DriverProtocol.Release("run-1", B));
    out.add(new DriverProtocol.Answer(steppedWithEverything(), KeyReport.NONE));
    return out;
  }

  /** The concrete classes of a sealed family, sub-families expanded. */
  private static Set<String> leaves(Class<?> sealed) {
    Set<String> out = new TreeSet<>();
    for (Class<?> c : sealed.getPermittedSubclasses()) {
      if (c.isSealed()) {
        out.addAll(leaves(c));
      } else {
        out.add(c.getName());
      }
    }
    return out;
  }

  private static Set<String> namesOf(List<?> objects) {
    return objects.stream().map(o -> o.getClass().getName()).collect(Collectors.toCollection(
        TreeSet::new));
  }

  private Object roundTrip(Object message) throws NotSerializableException {
    byte[] bytes = SERIALIZATION.serialize(message).get();
    var serializer = SERIALIZATION.findSerializerFor(message);
    return SERIALIZATION.deserialize(bytes, serializer.identifier(),
        Serializers.manifestFor(serializer, message)).get();
  }

  @Test
  void theSamplesCoverEveryMessageEventAndObservationType() {
    var messages = everyMessage(KIT.createTestProbe(), KIT.createTestProbe());
    assertThat(namesOf(messages)).containsAll(leaves(DriverProtocol.Message.class));
    assertThat(namesOf(everyEvent().stream().map(TimedEvent::event).toList()))
        .isEqualTo(leaves(InboundEvent.class));
    assertThat(namesOf(everyObservation())).isEqualTo(leaves(Observation.class));
  }

  @Test
  void everyMessageIsWrittenByTheProtobufSerializerAndReadBackEqual() throws Exception {
    TestProbe<DriverProtocol.Prepared> prepared = KIT.createTestProbe();
    TestProbe<DriverProtocol.Answer> stepped = KIT.createTestProbe();
    for (Object message : everyMessage(prepared, stepped)) {
      assertThat(SERIALIZATION.findSerializerFor(message))
          .as(message.getClass().getName()).isInstanceOf(ClusterSerializer.class);
      assertThat(roundTrip(message)).as(message.getClass().getName()).isEqualTo(message);
    }
  }

  @Test
  void theReplyTargetOfAStepStillReachesTheDriverAfterTheRoundTrip() throws Exception {
    TestProbe<DriverProtocol.Answer> stepped = KIT.createTestProbe();
    var step = (DriverProtocol.Step) roundTrip(
        new DriverProtocol.Step("run", A, 1, List.of(), 10, stepped.ref()));
    step.replyTo().tell(new DriverProtocol.Answer(ReplicaActor.Stepped.ok(A, 1, List.of()),
        KeyReport.NONE));
    assertThat(stepped.receiveMessage().stepped().stepSeq()).isEqualTo(1);
  }

  @Test
  void aPeersFailureComesBackWithTheSenderKindTextAndFirstFrameTheFindingReads()
      throws Exception {
    IllegalStateException root = new IllegalStateException("index 9 out of range");
    root.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("dev.x.Validator", "check", "Validator.java", 77)});
    var sent = new ReplicaActor.Stepped(A, 4, List.of(),
        new PeerInputFailure(B, "block-proposal", root));

    var back = ((DriverProtocol.Answer) roundTrip(new DriverProtocol.Answer(sent,
        KeyReport.NONE))).stepped();

    assertThat(back.failure()).isInstanceOf(PeerInputFailure.class);
    PeerInputFailure p = (PeerInputFailure) back.failure();
    assertThat(p.sender()).isEqualTo(B);
    assertThat(p.kind()).isEqualTo("block-proposal");
    assertThat(p.getCause().toString()).isEqualTo(root.toString());
    assertThat(Arrays.asList(p.getCause().getStackTrace()))
        .containsExactly(root.getStackTrace()[0]);
  }

  @Test
  void anOutOfMemoryErrorComesBackAsOneSoTheDriverEndsTheRunAsItsOwnLimit() throws Exception {
    var back = ((DriverProtocol.Answer) roundTrip(new DriverProtocol.Answer(
        new ReplicaActor.Stepped(A, 4, List.of(), new OutOfMemoryError("Java heap space")),
        KeyReport.NONE))).stepped();
    assertThat(back.failure()).isInstanceOf(OutOfMemoryError.class)
        .hasMessage("Java heap space");
  }

  @Test
  void malformedBytesAreRefusedAsNotSerializableNeverAnotherException() {
    var serializer = new ClusterSerializer(
        (org.apache.pekko.actor.ExtendedActorSystem) Adapter.toClassic(KIT.system()));
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01};
    for (String manifest : List.of(ClusterSerializer.PREPARE, ClusterSerializer.PREPARED,
        ClusterSerializer.STEP, ClusterSerializer.STEPPED, ClusterSerializer.RELEASE, "?")) {
      assertThatThrownBy(() -> serializer.fromBinary(garbage, manifest)).as(manifest)
          .isInstanceOf(NotSerializableException.class);
    }
    // A node id past the int range (a uint32 on the wire) is out of bounds, not a negative node.
    byte[] hugeNode = dev.subnetsim.cluster.proto.Release.newBuilder().setRunId("r")
        .setNode(-1).build().toByteArray();
    assertThatThrownBy(() -> serializer.fromBinary(hugeNode, ClusterSerializer.RELEASE))
        .isInstanceOf(NotSerializableException.class).hasMessageContaining("node id");
  }

  @Test
  void javaSerializationIsOffSoAnUnboundMessageCannotGoOnTheWire() {
    assertThat(SERIALIZATION.serialize(new java.util.Date()).isFailure()).isTrue();
  }
}
