package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scenario load that drives the example canisters as their users would: users with their own
 * Ed25519 keys send signed ingress to the canisters installed on the load subnet, and each reply
 * is checked with the user's own secrets, as the seed stories describe.
 * <ul>
 *   <li>{@code encrypted-notes}: a user fetches its vetKey through the canister; it must decrypt
 *       with the user's transport key, verify under the key derived for the canister and the
 *       user's principal, and not verify for another principal.</li>
 *   <li>{@code secret-store}: an owner stores a document encrypted under a document key sealed to
 *       the server key; later the owner retrieves it (the shadows must recover the document key
 *       and decrypt the document), a stranger tries to, itself and through a canister the
 *       document's permission program does not allow (both must get the 403); once the owner
 *       allows that canister, a user's request through it must be served
 *       ({@link SecretStoreStory}).</li>
 *   <li>{@code mdl-ecdh}: a reader agrees a KEK with a holder's key through the canister, on P-256
 *       or X25519; the result, encrypted to the reader's transport key, must equal the holder's
 *       own ECDH with the canister's derived key, and a content key wrapped under the reader's
 *       KEK must unwrap under the holder's.</li>
 *   <li>{@code wallet}: a user signs a transaction hash; the signature must verify under the
 *       user's derived key and not under another user's.</li>
 *   <li>{@code identity}: a user prepares a session-key delegation; the reply must be its
 *       canister-signature public key. Later the user queries {@code get_delegation}: the witness
 *       it gets, with the data certificate the replica attached to the query's answer (delegated
 *       by the root subnet on other subnets), must make a canister signature that verifies under
 *       the root key for the user's session key, and not for another session key. Each such
 *       signature and its certificate become lines of the artifacts log.</li>
 * </ul>
 * Each family is a class of its own ({@link NotesStory}, {@link SecretStoreStory},
 * {@link MdlEcdhStory}, {@link WalletStory}, {@link IdentityStory}); {@link StoryCalls} signs and
 * remembers what their users send.
 * A step that depends on an earlier one (the retrievals on the store) is judged only if the earlier
 * step was observed complete before the dependent one was sent; otherwise it is counted apart.
 */
public final class CanisterStories {
  /** Seconds between a story's dependent steps. */
  static final long STEP_GAP_NANOS = 8_000_000_000L;

  /** The keys a client knows: master public keys (the same on every holder). */
  public interface ClientKeys {
    /**
     * The master public keys, once they exist (keys generated through consensus exist only after
     * the first blocks: stories read them when they judge a reply, and the Secret Store owner
     * when it sends its store call, sealing under the server key it reads then).
     *
     * @throws IllegalStateException before the keys exist
     */
    SubnetChainKeys genesis();

    /** Every key holder's public keys (the per-node shares differ between holders). */
    List<SubnetChainKeys> holders();

    /**
     * The root subnet's key (DER) that certificates verify under; empty when the run's consensus
     * signatures are the insecure stand-in, whose certificates cannot verify.
     */
    default Optional<byte[]> rootKeyDer() {
      return Optional.empty();
    }
  }

  /** One signed call and how its user judges the outcome (null = as expected, else why not). */
  public record Call(String story, long atNanos, byte[] requestId, Optional<byte[]> after,
      Function<Outcome, String> check) {}

  /**
   * What the user read: from /request_status for a call; for a query, the answer with the data
   * certificate of the state it ran on (empty for calls).
   */
  public record Outcome(boolean replied, byte[] reply, String rejectMessage, byte[] certificate,
      String subnet, long height) {
    public Outcome(boolean replied, byte[] reply, String rejectMessage) {
      this(replied, reply, rejectMessage, new byte[0], "", 0);
    }
  }

  private final StoryCalls calls = new StoryCalls();
  private final List<IngressInjection> injections = new ArrayList<>();

  private CanisterStories() {}

  public static boolean drivable(String canister) {
    return List.of("encrypted-notes", "secret-store", "mdl-ecdh", "wallet", "identity")
        .contains(canister);
  }

  /**
   * @param ratePerCanister stories per second (Poisson) of each canister to drive
   * @param subnet the subnet the canisters run on, with its nodes
   */
  public static CanisterStories generate(long seed, Map<String, Double> ratePerCanister,
      SubnetExecution subnet, List<NodeId> nodes, ClientKeys keys, long endNanos) {
    CanisterStories s = new CanisterStories();
    SeededRandom root = SeededRandom.fromSeed(seed).fork("canister-stories");
    for (var e : new TreeMap<>(ratePerCanister).entrySet()) {
      String canister = e.getKey();
      double perSecond = e.getValue();
      if (!drivable(canister) || perSecond <= 0) {
        continue;
      }
      SeededRandom rng = root.fork(canister);
      double t = 0;
      int k = 0;
      while (true) {
        t += Math.max(1, rng.nextExponential() * 1e9 / perSecond);
        if (t >= endNanos) {
          break;
        }
        SeededRandom story = rng.fork("story-" + k++);
        s.story(canister, (long) t, story, subnet, keys, endNanos);
      }
    }
    // The driver wants time order (ties broken by content, so the order is the seed's alone);
    // each message goes to a node drawn in that order.
    List<StoryCalls.Sent> sent = s.calls.sent();
    sent.sort(Comparator.comparingLong(StoryCalls.Sent::atNanos)
        .thenComparing(StoryCalls.Sent::message, Arrays::compareUnsigned));
    SeededRandom nodeRng = root.fork("nodes");
    for (StoryCalls.Sent m : sent) {
      NodeId node = nodes.get(nodeRng.nextInt(nodes.size()));
      s.injections.add(m.later() == null ? new IngressInjection(m.atNanos(), node, m.message())
          : IngressInjection.later(m.atNanos(), node, m.later()));
    }
    return s;
  }

  public List<IngressInjection> injections() {
    return List.copyOf(injections);
  }

  public Optional<Call> call(byte[] requestId) {
    return calls.call(requestId);
  }

  public int size() {
    return calls.size();
  }

  /**
   * The first completion of a story call, as its user saw it: calls made when they are sent
   * wait for the calls they depend on to be seen replied to.
   */
  void completed(byte[] requestId, boolean replied) {
    calls.completed(requestId, replied);
  }

  /** Lines of the artifacts log made from verified story results (canister signatures). */
  public List<String> artifactLines() {
    return calls.artifactLines();
  }

  private void story(String canister, long at, SeededRandom rng, SubnetExecution subnet,
      ClientKeys keys, long end) {
    switch (canister) {
      case "encrypted-notes" -> NotesStory.tell(calls, at, rng,
          subnet.canister(SubnetExecution.ENCRYPTED_NOTES), keys, end);
      case "secret-store" -> SecretStoreStory.tell(calls, at, rng,
          subnet.canister(SubnetExecution.SECRET_STORE), subnet.proxy(), keys, end);
      case "mdl-ecdh" -> MdlEcdhStory.tell(calls, at, rng,
          subnet.canister(SubnetExecution.MDL_ECDH), keys, end);
      case "wallet" -> WalletStory.tell(calls, at, rng,
          subnet.canister(SubnetExecution.WALLET), keys, end);
      case "identity" -> IdentityStory.tell(calls, at, rng,
          subnet.canister(SubnetExecution.IDENTITY), keys, end);
      default -> throw new IllegalArgumentException(canister);
    }
  }
}
