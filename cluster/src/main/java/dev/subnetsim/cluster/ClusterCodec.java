package dev.subnetsim.cluster;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.cluster.proto.Failure;
import dev.subnetsim.cluster.proto.Timer;
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
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Maps the driver's protocol ({@link DriverProtocol}) to and from
 * the protobuf messages of {@code cluster.proto}. Actor references travel as Pekko's own string
 * form; {@link Refs} turns them into strings and back. Decoding treats the bytes as hostile: a
 * malformed message is a {@link MalformedClusterMessageException}, never another exception.
 */
final class ClusterCodec {
  private ClusterCodec() {}

  /** Actor references to and from Pekko's serialization format (ActorRefResolver). */
  interface Refs {
    String toText(ActorRef<?> ref);

    <T> ActorRef<T> fromText(String text);
  }

  /** A message from the wire that does not decode: the bytes or a field are out of bounds. */
  static final class MalformedClusterMessageException extends Exception {
    MalformedClusterMessageException(String what, Throwable cause) {
      super("malformed " + what + ": " + cause.getMessage(), cause);
    }
  }

  static byte[] encode(DriverProtocol.Prepare p, Refs refs) {
    return dev.subnetsim.cluster.proto.Prepare.newBuilder().setRunId(p.runId())
        .setNode(p.node().value()).setScenarioSource(p.scenarioSource())
        .setScenarioYaml(p.scenarioYaml()).setSeed(p.seed())
        .setReplyTo(refs.toText(p.replyTo())).build().toByteArray();
  }

  static DriverProtocol.Prepare decodePrepare(byte[] bytes, Refs refs)
      throws MalformedClusterMessageException {
    return decode("Prepare", () -> {
      var p = dev.subnetsim.cluster.proto.Prepare.parseFrom(bytes);
      return new DriverProtocol.Prepare(p.getRunId(), node(p.getNode()), p.getScenarioSource(),
          p.getScenarioYaml(), p.getSeed(), refs.fromText(p.getReplyTo()));
    });
  }

  static byte[] encode(DriverProtocol.Prepared p) {
    return dev.subnetsim.cluster.proto.Prepared.newBuilder().setNode(p.node().value())
        .setRefusal(p.refusal()).setMember(p.member()).build().toByteArray();
  }

  static DriverProtocol.Prepared decodePrepared(byte[] bytes)
      throws MalformedClusterMessageException {
    return decode("Prepared", () -> {
      var p = dev.subnetsim.cluster.proto.Prepared.parseFrom(bytes);
      return new DriverProtocol.Prepared(node(p.getNode()), p.getRefusal(), p.getMember());
    });
  }

  static byte[] encode(DriverProtocol.Release r) {
    return dev.subnetsim.cluster.proto.Release.newBuilder().setRunId(r.runId())
        .setNode(r.node().value()).build().toByteArray();
  }

  static DriverProtocol.Release decodeRelease(byte[] bytes)
      throws MalformedClusterMessageException {
    return decode("Release", () -> {
      var r = dev.subnetsim.cluster.proto.Release.parseFrom(bytes);
      return new DriverProtocol.Release(r.getRunId(), node(r.getNode()));
    });
  }

  static byte[] encode(DriverProtocol.Step s, Refs refs) {
    var b = dev.subnetsim.cluster.proto.Step.newBuilder().setRunId(s.runId())
        .setNode(s.node().value()).setStepSeq(s.stepSeq())
        .setHorizonLocalNanos(s.horizonLocalNanos()).setReplyTo(refs.toText(s.replyTo()));
    for (TimedEvent e : s.events()) {
      b.addEvents(timedEvent(e));
    }
    s.adopt().forEach(i -> b.addAdopt(KeyReportCodec.installed(i)));
    return b.build().toByteArray();
  }

  static DriverProtocol.Step decodeStep(byte[] bytes, Refs refs)
      throws MalformedClusterMessageException {
    return decode("Step", () -> {
      var s = dev.subnetsim.cluster.proto.Step.parseFrom(bytes);
      List<TimedEvent> events = new ArrayList<>(s.getEventsCount());
      for (var e : s.getEventsList()) {
        events.add(timedEvent(e));
      }
      return new DriverProtocol.Step(s.getRunId(), node(s.getNode()), s.getStepSeq(), events,
          s.getHorizonLocalNanos(), KeyReportCodec.installs(s.getAdoptList()),
          refs.fromText(s.getReplyTo()));
    });
  }

  static byte[] encode(DriverProtocol.Answer a) {
    ReplicaActor.Stepped s = a.stepped();
    var b = dev.subnetsim.cluster.proto.Stepped.newBuilder().setNode(s.node().value())
        .setStepSeq(s.stepSeq());
    for (LocalStep step : s.steps()) {
      b.addSteps(localStep(step));
    }
    if (s.failed()) {
      b.setFailure(failure(s.failure()));
    }
    if (!a.keys().isEmpty()) {
      b.setKeys(KeyReportCodec.encode(a.keys()));
    }
    return b.build().toByteArray();
  }

  static DriverProtocol.Answer decodeAnswer(byte[] bytes)
      throws MalformedClusterMessageException {
    return decode("Stepped", () -> {
      var s = dev.subnetsim.cluster.proto.Stepped.parseFrom(bytes);
      List<LocalStep> steps = new ArrayList<>(s.getStepsCount());
      for (var step : s.getStepsList()) {
        steps.add(localStep(step));
      }
      return new DriverProtocol.Answer(new ReplicaActor.Stepped(node(s.getNode()),
          s.getStepSeq(), steps, s.hasFailure() ? failure(s.getFailure()) : null),
          s.hasKeys() ? KeyReportCodec.decode(s.getKeys()) : KeyReport.NONE);
    });
  }

  // ---- events

  private static dev.subnetsim.cluster.proto.TimedEvent timedEvent(TimedEvent t) {
    var b = dev.subnetsim.cluster.proto.TimedEvent.newBuilder().setLocalNanos(t.localNanos());
    InboundEvent e = t.event();
    if (e instanceof InboundEvent.MessageDelivered d) {
      b.setDelivered(envelope(d.envelope()));
    } else if (e instanceof InboundEvent.TimerFired f) {
      b.setTimerFired(f.timerId());
    } else if (e instanceof InboundEvent.IngressSubmitted i) {
      b.setIngressSubmitted(ByteString.copyFrom(i.message().toArray()));
    } else if (e instanceof InboundEvent.Start s) {
      b.setStartIncarnation(s.incarnation());
    } else if (e instanceof InboundEvent.Crash) {
      b.setCrash(true);
    } else {
      throw new IllegalArgumentException("no wire form for event " + e.getClass().getName());
    }
    return b.build();
  }

  private static TimedEvent timedEvent(dev.subnetsim.cluster.proto.TimedEvent t) {
    InboundEvent e = switch (t.getEventCase()) {
      case DELIVERED -> new InboundEvent.MessageDelivered(envelope(t.getDelivered()));
      case TIMER_FIRED -> new InboundEvent.TimerFired(t.getTimerFired());
      case INGRESS_SUBMITTED -> new InboundEvent.IngressSubmitted(
          Bytes.of(t.getIngressSubmitted().toByteArray()));
      case START_INCARNATION -> new InboundEvent.Start(nonNegative(t.getStartIncarnation()));
      case CRASH -> new InboundEvent.Crash();
      case EVENT_NOT_SET -> throw new IllegalArgumentException("event without a kind");
    };
    return new TimedEvent(t.getLocalNanos(), e);
  }

  private static dev.subnetsim.cluster.proto.Envelope envelope(Envelope e) {
    return dev.subnetsim.cluster.proto.Envelope.newBuilder().setFrom(e.from().value())
        .setTo(e.to().value()).setKind(e.kind().wireName())
        .setPayload(ByteString.copyFrom(e.payload())).build();
  }

  private static Envelope envelope(dev.subnetsim.cluster.proto.Envelope e) {
    MessageKind kind = MessageKind.fromWireName(e.getKind()).orElseThrow(
        () -> new IllegalArgumentException("unknown message kind " + e.getKind()));
    return new Envelope(node(e.getFrom()), node(e.getTo()), kind, e.getPayload().toByteArray());
  }

  // ---- steps

  private static dev.subnetsim.cluster.proto.LocalStep localStep(LocalStep s) {
    StepOutput out = s.output();
    var b = dev.subnetsim.cluster.proto.LocalStep.newBuilder().setLocalNanos(s.localNanos())
        .setIncarnation(s.incarnation()).setCpuNanos(out.cpuNanos());
    out.sends().forEach(e -> b.addSends(envelope(e)));
    out.timers().forEach(t -> b.addTimers(
        Timer.newBuilder().setAtLocalNanos(t.atLocalNanos()).setTimerId(t.timerId())));
    out.observations().forEach(o -> b.addObservations(ObservationCodec.encode(o)));
    return b.build();
  }

  private static LocalStep localStep(dev.subnetsim.cluster.proto.LocalStep s) {
    List<Envelope> sends = new ArrayList<>(s.getSendsCount());
    s.getSendsList().forEach(e -> sends.add(envelope(e)));
    List<TimerRequest> timers = new ArrayList<>(s.getTimersCount());
    s.getTimersList().forEach(t -> timers.add(new TimerRequest(t.getAtLocalNanos(),
        t.getTimerId())));
    List<Observation> observations = new ArrayList<>(s.getObservationsCount());
    s.getObservationsList().forEach(o -> observations.add(ObservationCodec.decode(o)));
    return new LocalStep(s.getLocalNanos(), s.getIncarnation(),
        new StepOutput(sends, timers, observations, s.getCpuNanos()));
  }

  // ---- failures

  private static Failure failure(Throwable t) {
    var b = Failure.newBuilder();
    Throwable root = t;
    if (t instanceof PeerInputFailure p) {
      root = p.getCause();
      b.setPeerInput(true).setPeer(p.sender().value()).setPeerKind(p.kind());
    }
    b.setType(root.getClass().getName()).setText(String.valueOf(root));
    StackTraceElement[] trace = root.getStackTrace();
    if (trace.length > 0) {
      StackTraceElement f = trace[0];
      b.setFrameClass(f.getClassName()).setFrameMethod(f.getMethodName())
          .setFrameFile(f.getFileName() == null ? "" : f.getFileName())
          .setFrameLine(f.getLineNumber());
    }
    return b.build();
  }

  private static Throwable failure(Failure f) {
    Throwable root = RemoteFailure.of(f.getType(), f.getText());
    StackTraceElement[] trace = f.getFrameClass().isEmpty() ? new StackTraceElement[0]
        : new StackTraceElement[] {new StackTraceElement(f.getFrameClass(), f.getFrameMethod(),
            f.getFrameFile().isEmpty() ? null : f.getFrameFile(), f.getFrameLine())};
    root.setStackTrace(trace);
    return f.getPeerInput() ? new PeerInputFailure(node(f.getPeer()), f.getPeerKind(), root)
        : root;
  }

  // ---- fields

  static NodeId node(int wire) {
    if (wire < 0) {
      throw new IllegalArgumentException("node id out of range: " + Integer.toUnsignedString(wire));
    }
    return new NodeId(wire);
  }

  static SubnetId subnet(String name) {
    return new SubnetId(name);
  }

  private static int nonNegative(int wire) {
    if (wire < 0) {
      throw new IllegalArgumentException("out of range: " + Integer.toUnsignedString(wire));
    }
    return wire;
  }

  @FunctionalInterface
  private interface Decoding<T> {
    T run() throws InvalidProtocolBufferException;
  }

  private static <T> T decode(String what, Decoding<T> decoding)
      throws MalformedClusterMessageException {
    try {
      return decoding.run();
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new MalformedClusterMessageException(what, e);
    }
  }
}
