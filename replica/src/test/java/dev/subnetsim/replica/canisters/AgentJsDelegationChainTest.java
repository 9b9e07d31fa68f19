package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subnetsim.chainkey.certification.CanisterSigPublicKey;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.chainkey.interop.NodeHarness;
import dev.subnetsim.replica.ingress.IngressValidator;
import dev.subnetsim.replica.ingress.InvalidIngressException;
import dev.subnetsim.replica.ingress.SenderDelegation;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.payload.IngressEnvelope;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Delegation chains as real IC clients make them: {@code @dfinity/identity} 3.4.3's
 * {@code DelegationChain} (the Node harness's {@code delegation-chain.mjs}) serialized with
 * {@code toJSON()}, read back here and used by a session key to call the identity canister. Also
 * the identity canister's canister signature, wrapped by {@code DelegationChain.fromDelegations}
 * as an Internet Identity front end does.
 */
class AgentJsDelegationChainTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  /** One hour after the epoch in ms: the bed's blocks run in the first seconds. */
  private static final long EXPIRATION_MS = 3_600_000L;

  private final CanisterTestBed bed = new CanisterTestBed();
  private final IdentityCanisterClient identity = new IdentityCanisterClient(bed);
  private final UserKeyPair session = bed.user("session");

  /** A chain read from agent-js's JSON: the first public key and the delegations. */
  private record Chain(byte[] publicKeyDer, List<SenderDelegation> delegations) {
    Principal principal() {
      return Principal.selfAuthenticating(publicKeyDer);
    }
  }

  @Test
  void anEd25519ChainMadeByAgentJsLetsTheSessionKeyCallAsTheDelegatingPrincipal() {
    Chain chain = fromAgentJs(create("ed25519", session, EXPIRATION_MS,
        List.of(bed.canister(CanisterTestBed.IDENTITY).toBytes()))).get(0);

    RequestStatus status = bed.send(signed(chain, session));

    assertThat(status.status()).isEqualTo("replied");
    assertThat(CanisterSigPublicKey.fromDer(status.reply()).seed())
        .isEqualTo(chain.principal().toBytes());
  }

  @Test
  void aP256ChainMadeByAgentJsIsAcceptedAndItsTargetsAndExpiryAreEnforced() throws Exception {
    UserKeyPair p256Session = UserKeyPair.generate(SignatureScheme.ECDSA_P256,
        bed.rng.fork("p256-session"));
    List<ObjectNode> requests = new ArrayList<>();
    requests.add(create("ecdsa", p256Session, EXPIRATION_MS, null));
    requests.add(create("ecdsa", p256Session, EXPIRATION_MS,
        List.of(bed.canister(CanisterTestBed.NOTES).toBytes())));
    requests.add(create("ed25519", p256Session, 1, null));
    List<Chain> chains = fromAgentJs(requests.toArray(ObjectNode[]::new));
    long now = bed.nextBlockTime();

    SignedIngress open = signed(chains.get(0), p256Session);
    IngressValidator.validate(open, now);
    // Through the envelope as well: what the replicas exchange.
    assertThatCode(() -> IngressValidator.validate(
        IngressEnvelope.decode(IngressEnvelope.encode(open)), now)).doesNotThrowAnyException();
    assertThatThrownBy(() -> IngressValidator.validate(signed(chains.get(1), p256Session), now))
        .isInstanceOf(InvalidIngressException.class).hasMessageContaining("not among its targets");
    assertThatThrownBy(() -> IngressValidator.validate(signed(chains.get(2), p256Session), now))
        .isInstanceOf(InvalidIngressException.class).hasMessageContaining("delegation 0 expired");
  }

  @Test
  void anIdentityCanisterSignatureWrappedByAgentJsDelegatesToTheSessionKey() {
    UserKeyPair device = bed.user("device");
    IdentityCanisterClient.Issued issued = identity.issue(device, session.publicKeyDer());
    SessionKeyDelegation d = issued.link().delegation();
    ObjectNode request = JSON.createObjectNode().put("op", "from_delegations")
        .put("public_key", HEX.formatHex(issued.userKeyDer()));
    request.putArray("delegations").addObject()
        .put("pubkey", HEX.formatHex(d.publicKeyDer()))
        .put("expiration_ns", Long.toString(d.expirationNanos()))
        .put("signature", HEX.formatHex(issued.link().signature()));
    Chain chain = fromAgentJs(request).get(0);

    assertThat(chain.publicKeyDer()).isEqualTo(issued.userKeyDer());
    RequestStatus status = bed.send(signed(chain, session));

    assertThat(status.status()).isEqualTo("replied");
    assertThat(CanisterSigPublicKey.fromDer(status.reply()).seed())
        .isEqualTo(chain.principal().toBytes());
  }

  /** A call to the identity canister as the chain's principal, signed by its session key. */
  private SignedIngress signed(Chain chain, UserKeyPair sessionKey) {
    return sessionKey.signDelegated(bed.message(chain.principal(), CanisterTestBed.IDENTITY,
        "prepare_delegation", IdentityCanisterClient.arg(bed.user("next").publicKeyDer())),
        chain.publicKeyDer(), chain.delegations());
  }

  private ObjectNode create(String from, UserKeyPair to, long expirationMs, List<byte[]> targets) {
    ObjectNode r = JSON.createObjectNode().put("op", "create").put("from", from)
        .put("to", HEX.formatHex(to.publicKeyDer())).put("expiration_ms", expirationMs);
    if (from.equals("ed25519")) {
      byte[] seed = new byte[32];
      bed.rng.fork("agent-js-seed").nextBytes(seed);
      r.put("seed", HEX.formatHex(seed));
    }
    if (targets != null) {
      ArrayNode ts = r.putArray("targets");
      targets.forEach(t -> ts.add(HEX.formatHex(t)));
    }
    return r;
  }

  /** Runs delegation-chain.mjs and parses each answer, agent-js's DelegationChain.toJSON(). */
  private static List<Chain> fromAgentJs(ObjectNode... requests) {
    NodeHarness.ProcessResult run = NodeHarness.locate().runOnRequests("delegation-chain.mjs",
        List.of(requests).stream().map(ObjectNode::toString).toList());
    assertThat(run.exitCode()).as(run.output()).isZero();
    List<Chain> chains = new ArrayList<>();
    for (String line : run.output().split("\n")) {
      if (!line.isBlank()) {
        chains.add(parse(line));
      }
    }
    assertThat(chains).as(run.output()).hasSize(requests.length);
    return chains;
  }

  /**
   * {@code {delegations: [{delegation: {expiration: hex, pubkey: hex, targets?: [hex]},
   * signature: hex}], publicKey: hex}}.
   */
  private static Chain parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      List<SenderDelegation> delegations = new ArrayList<>();
      for (JsonNode sd : n.get("delegations")) {
        JsonNode d = sd.get("delegation");
        Optional<List<Principal>> targets = Optional.empty();
        if (d.has("targets")) {
          List<Principal> ts = new ArrayList<>();
          d.get("targets").forEach(t -> ts.add(Principal.fromBytes(HEX.parseHex(t.asText()))));
          targets = Optional.of(ts);
        }
        delegations.add(new SenderDelegation(new SessionKeyDelegation(
            HEX.parseHex(d.get("pubkey").asText()),
            Long.parseUnsignedLong(d.get("expiration").asText(), 16), targets),
            HEX.parseHex(sd.get("signature").asText())));
      }
      return new Chain(HEX.parseHex(n.get("publicKey").asText()), delegations);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("delegation-chain.mjs printed non-JSON: " + json, e);
    }
  }
}
