package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Key resharing through consensus in a whole world: the root reshares its genesis ECDSA and vetKD
 * keys to the signing subnet (one root dealer cheats), the signing subnet serves an app subnet's
 * requests, then the whole signing subnet is lost and the root reshares again to a fresh one, which
 * signs under the same public keys.
 */
class KeyResharingScenarioTest {
  private static final String YAML = """
      name: reshare-and-recover
      seed: 4
      duration: 24s
      fault_budget: beyond-f
      subnets:
        - {name: root, role: root, nodes: 4}
        - {name: signing, role: signing, nodes: 4}
        - {name: signing-2, role: signing, nodes: 4}
        - {name: app, role: app, nodes: 4}
      workload:
        requests:
          - {kind: sign-with-ecdsa, rate: 1/s, from: app}
          - {kind: vetkd-derive-key, rate: 1/s, from: app}
      faults:
        - {at: 1s, kind: reshare, from: root, to: signing, keys: [ecdsa, vetkd]}
        - {at: 0s, kind: byzantine, subnet: root, nodes: [0], behaviour: bad-dealings}
        - {at: 9s, kind: subnet-loss, subnet: signing}
        - {at: 11s, kind: reshare, from: root, to: signing-2, keys: [ecdsa, vetkd]}
      """;
  private static ScenarioRun run;
  private static final List<JsonNode> ARTIFACTS = new ArrayList<>();

  @BeforeAll
  static void runTheScenario() throws Exception {
    ScenarioSpec spec = ScenarioParser.parse("reshare.yaml", YAML);
    run = ScenarioRunner.run(spec, new ScenarioRunner.Options(spec.seed(), 2, null, "test"));
    ObjectMapper json = new ObjectMapper();
    for (String line : run.artifacts()) {
      ARTIFACTS.add(json.readTree(line));
    }
  }

  private static List<JsonNode> ecdsaFrom(String subnet) {
    return ARTIFACTS.stream().filter(a -> a.get("kind").asText().equals("ecdsa")
        && a.get("subnet").asText().equals(subnet)).toList();
  }

  @Test
  void everyAnsweredRequestVerifiesForItsClientAndNoInvariantIsViolated() {
    assertThat(run.violated()).as(run.result().invariants().toString()).isFalse();
    assertThat(run.result().invariants()).anyMatch(i -> i.name().equals("chain-key replies valid")
        && i.status() == InvariantResult.Status.HELD && i.detail().contains("signing-2"));
  }

  @Test
  void bothSigningSubnetsSignAndTheRootNeverDoes() {
    assertThat(ecdsaFrom("signing")).isNotEmpty();
    assertThat(ecdsaFrom("signing-2")).isNotEmpty();
    assertThat(ecdsaFrom("root")).isEmpty();
  }

  @Test
  void theFreshSigningSubnetSignsUnderTheSameMasterKeysAndBouncyCastleAgrees() {
    for (String curve : List.of("secp256k1", "p256")) {
      List<String> masters = ARTIFACTS.stream()
          .filter(a -> a.get("kind").asText().equals("ecdsa") && a.get("curve").asText().equals(curve))
          .map(a -> a.get("master_public_key").asText()).distinct().toList();
      assertThat(masters).as(curve).hasSize(1);
    }
    for (JsonNode a : ecdsaFrom("signing-2")) {
      var x9 = CustomNamedCurves.getByName(a.get("curve").asText().equals("p256") ? "secp256r1"
          : "secp256k1");
      ECDSASigner verifier = new ECDSASigner();
      verifier.init(false, new ECPublicKeyParameters(
          x9.getCurve().decodePoint(HexFormat.of().parseHex(a.get("public_key").asText())),
          new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN())));
      byte[] sig = HexFormat.of().parseHex(a.get("signature").asText());
      assertThat(verifier.verifySignature(HexFormat.of().parseHex(a.get("message_hash").asText()),
          new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
          new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)))).isTrue();
    }
  }

  @Test
  void theVetKdKeyIsServedByTheFreshSubnetUnderTheSameMasterKey() {
    List<JsonNode> vetkd = ARTIFACTS.stream().filter(a -> a.get("kind").asText().equals("vetkd"))
        .toList();
    assertThat(vetkd.stream().map(a -> a.get("subnet").asText()).distinct())
        .containsExactlyInAnyOrder("signing", "signing-2");
    assertThat(vetkd.stream().map(a -> a.get("master_public_key").asText()).distinct()).hasSize(1);
  }
}
