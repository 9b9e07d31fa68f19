package dev.subnetsim.cluster;

import java.io.NotSerializableException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * Pekko's serializer for every message between the driver and hosted replicas, as protobuf
 * ({@link ClusterCodec}); bound in {@code reference.conf} of this module, with Java serialization
 * off. It also counts what it wrote and read, which is what the cluster adds to a window.
 */
public final class ClusterSerializer extends SerializerWithStringManifest {
  /** Pekko's serializer id of this serializer (ids up to 40 are Pekko's own). */
  public static final int IDENTIFIER = 0x53534331;

  static final String PREPARE = "P";
  static final String PREPARED = "D";
  static final String STEP = "S";
  static final String STEPPED = "T";
  static final String RELEASE = "R";

  private final ExtendedActorSystem system;
  private volatile ActorRefResolver resolver;
  private final AtomicLong messagesOut = new AtomicLong();
  private final AtomicLong bytesOut = new AtomicLong();
  private final AtomicLong messagesIn = new AtomicLong();
  private final AtomicLong bytesIn = new AtomicLong();

  public ClusterSerializer(ExtendedActorSystem system) {
    this.system = system;
  }

  /** Messages and bytes this serializer wrote ({@code out}) and read ({@code in}) so far. */
  public record Counts(long messagesOut, long bytesOut, long messagesIn, long bytesIn) {}

  public Counts counts() {
    return new Counts(messagesOut.get(), bytesOut.get(), messagesIn.get(), bytesIn.get());
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object o) {
    if (o instanceof DriverProtocol.Prepare) {
      return PREPARE;
    } else if (o instanceof DriverProtocol.Prepared) {
      return PREPARED;
    } else if (o instanceof DriverProtocol.Step) {
      return STEP;
    } else if (o instanceof DriverProtocol.Answer) {
      return STEPPED;
    } else if (o instanceof DriverProtocol.Release) {
      return RELEASE;
    }
    throw new IllegalArgumentException("no wire form for " + o.getClass().getName());
  }

  @Override
  public byte[] toBinary(Object o) {
    byte[] bytes;
    if (o instanceof DriverProtocol.Prepare p) {
      bytes = ClusterCodec.encode(p, refs());
    } else if (o instanceof DriverProtocol.Prepared p) {
      bytes = ClusterCodec.encode(p);
    } else if (o instanceof DriverProtocol.Step s) {
      bytes = ClusterCodec.encode(s, refs());
    } else if (o instanceof DriverProtocol.Answer a) {
      bytes = ClusterCodec.encode(a);
    } else if (o instanceof DriverProtocol.Release r) {
      bytes = ClusterCodec.encode(r);
    } else {
      throw new IllegalArgumentException("no wire form for " + o.getClass().getName());
    }
    messagesOut.incrementAndGet();
    bytesOut.addAndGet(bytes.length);
    return bytes;
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    messagesIn.incrementAndGet();
    bytesIn.addAndGet(bytes.length);
    try {
      return switch (manifest) {
        case PREPARE -> ClusterCodec.decodePrepare(bytes, refs());
        case PREPARED -> ClusterCodec.decodePrepared(bytes);
        case STEP -> ClusterCodec.decodeStep(bytes, refs());
        case STEPPED -> ClusterCodec.decodeAnswer(bytes);
        case RELEASE -> ClusterCodec.decodeRelease(bytes);
        default -> throw new NotSerializableException("unknown manifest " + manifest);
      };
    } catch (ClusterCodec.MalformedClusterMessageException e) {
      throw new NotSerializableException(e.getMessage());
    }
  }

  private ClusterCodec.Refs refs() {
    ActorRefResolver r = resolver;
    if (r == null) {
      // Resolved on first use: serializers are created while the actor system starts.
      r = ActorRefResolver.get(Adapter.toTyped(system));
      resolver = r;
    }
    ActorRefResolver refs = r;
    return new ClusterCodec.Refs() {
      public String toText(ActorRef<?> ref) {
        return refs.toSerializationFormat(ref);
      }

      public <T> ActorRef<T> fromText(String text) {
        return refs.resolveActorRef(text);
      }
    };
  }
}
