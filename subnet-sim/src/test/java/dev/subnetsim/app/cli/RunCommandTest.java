package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subnetsim.chainkey.interop.NodeHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  @TempDir Path tmp;

  private static final String SMALL = """
      name: small
      seed: 3
      duration: 6s
      subnets:
        - {name: root, role: root, nodes: 4}
      consensus: {unit_delay: 200ms, initial_notary_delay: 60ms}
      workload: {ingress_rate: 5/s, ingress_subnet: root}
      faults:
        - {at: 2s, kind: crash, subnet: root, nodes: [3]}
        - {at: 4s, kind: restart, subnet: root, nodes: [3]}
      pass:
        - "finalized height >= 20 on root"
        - "p99 ingress latency < 3s"
      """;

  private static final String CHAIN_KEYS = """
      name: chain-keys
      seed: 4
      duration: 8s
      subnets:
        - {name: signing, role: signing, nodes: 4}
        - {name: app, role: app, nodes: 4}
      consensus: {unit_delay: 200ms, initial_notary_delay: 60ms}
      workload:
        requests:
          - {kind: vetkd-derive-key, rate: 2/s, from: app}
          - {kind: ecdh-derive, rate: 2/s, from: signing}
          - {kind: document-key-retrieve, rate: 1/s, from: app}
          - {kind: sign-with-ecdsa, rate: 1/s, from: app}
          - {kind: sign-with-schnorr, rate: 1/s, from: app}
      faults:
        - {at: 0s, kind: byzantine, subnet: signing, nodes: [1], behaviour: invalid-decryption-shares}
      pass:
        - "p99 vetkd latency < 4s"
        - "p99 ecdh latency < 4s"
      """;

  private static final String IDENTITY = """
      name: identity
      seed: 6
      duration: 14s
      subnets:
        - {name: root, role: root, nodes: 4}
        - {name: app, role: app, nodes: 4}
      consensus: {unit_delay: 200ms, initial_notary_delay: 60ms}
      workload:
        canisters: [identity]
        requests:
          - {kind: canister-signature, rate: 1/s, from: app}
      faults:
        - {at: 0s, kind: byzantine, subnet: root, nodes: [0], behaviour: withholding}
      """;

  @Test
  void canisterSignaturesFromAnAppSubnetVerifyUnderTheRootKeyThroughItsDelegationInAgentJs()
      throws Exception {
    Path out = tmp.resolve("identity");
    assertThat(SubnetSimCli.execute("run", scenario(IDENTITY).toString(), "--out", out.toString()))
        .isEqualTo(SubnetSimCli.EXIT_OK);
    assertThat(summary(out).get("invariants").toString())
        .containsPattern("identity: [1-9][0-9]* of [1-9][0-9]* judged calls as expected");
    var lines = Files.readAllLines(out.resolve("artifacts.jsonl")).stream()
        .filter(l -> l.contains("\"kind\":\"canister_signature\"")
            || l.contains("\"kind\":\"certificate\""))
        .toList();
    assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"canister_signature\""))
        .anyMatch(l -> l.contains("\"kind\":\"certificate\"") && l.contains("canister_id"));
    NodeHarness.Verification v = NodeHarness.locate().verifyLines(lines);
    assertThat(v.allOk()).as(v.output()).isTrue();
    assertThat(v.output()).contains("agent-js Certificate.create (delegated)");
  }

  @Test
  void chainKeyRepliesAcrossSubnetsAreCheckedByTheirClientsAndVerifyWithTheIcLibraries()
      throws Exception {
    Path out = tmp.resolve("keys");
    assertThat(SubnetSimCli.execute("run", scenario(CHAIN_KEYS).toString(), "--out", out.toString()))
        .isEqualTo(SubnetSimCli.EXIT_OK);
    JsonNode s = summary(out);
    assertThat(s.at("/metrics/latency_seconds/vetkd/count").asLong()).isPositive();
    assertThat(s.at("/metrics/latency_seconds/ecdh/count").asLong()).isPositive();
    assertThat(s.at("/metrics/latency_seconds/document-key/count").asLong()).isPositive();
    assertThat(s.get("invariants").toString()).contains("chain-key replies valid");
    // vetKD and document-key requests came from the app subnet: they crossed certified streams.
    assertThat(s.at("/metrics/messages_by_type/xnet-slice/count").asLong()).isPositive();
    var lines = Files.readAllLines(out.resolve("artifacts.jsonl"));
    assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"vetkd\""))
        .anyMatch(l -> l.contains("\"kind\":\"ecdh\""))
        .anyMatch(l -> l.contains("\"kind\":\"ecdsa\""))
        .anyMatch(l -> l.contains("\"kind\":\"schnorr\""));
    NodeHarness.Verification v = NodeHarness.locate().verifyLines(lines);
    assertThat(v.allOk()).as(v.output()).isTrue();
    assertThat(v.output()).contains("@dfinity/vetkeys").contains("derivation by ic-pub-key");
  }

  private Path scenario(String yaml) throws Exception {
    Path file = tmp.resolve("scenario.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static JsonNode summary(Path dir) throws Exception {
    return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
  }

  @Test
  void aScenarioRunWritesTheWholeOutputFolderAndItsArtifactsVerifyWithNoble() throws Exception {
    Path out = tmp.resolve("run");
    assertThat(SubnetSimCli.execute("run", scenario(SMALL).toString(), "--out", out.toString()))
        .isEqualTo(SubnetSimCli.EXIT_OK);
    for (String f : new String[] {"summary.json", "report.html", "junit.xml", "artifacts.jsonl",
        "trace.jsonl.gz", "series.csv", "latencies.csv", "result.json"}) {
      assertThat(out.resolve(f)).isRegularFile();
    }
    JsonNode s = summary(out);
    assertThat(s.get("seed").asLong()).isEqualTo(3);
    assertThat(s.get("passed").asBoolean()).isTrue();
    assertThat(s.at("/metrics/finalized_height/root").asLong()).isGreaterThanOrEqualTo(20);
    assertThat(s.at("/metrics/latency_seconds/ingress/count").asLong()).isPositive();
    NodeHarness.Verification v =
        NodeHarness.locate().verifyLines(Files.readAllLines(out.resolve("artifacts.jsonl")));
    assertThat(v.lines()).hasSizeGreaterThan(50);
    assertThat(v.allOk()).as(v.output()).isTrue();
  }

  @Test
  void theSeedOptionOverridesTheScenarioSeedAndTheSameSeedReplays() throws Exception {
    Path file = scenario(SMALL);
    SubnetSimCli.execute("run", file.toString(), "--seed", "5", "--out", tmp.resolve("a").toString());
    SubnetSimCli.execute("run", file.toString(), "--seed", "5", "--threads", "1", "--out",
        tmp.resolve("b").toString());
    SubnetSimCli.execute("run", file.toString(), "--out", tmp.resolve("c").toString());
    String a = summary(tmp.resolve("a")).get("trace_hash").asText();
    assertThat(summary(tmp.resolve("a")).get("seed").asLong()).isEqualTo(5);
    assertThat(summary(tmp.resolve("b")).get("trace_hash").asText()).isEqualTo(a);
    assertThat(summary(tmp.resolve("c")).get("trace_hash").asText()).isNotEqualTo(a);
  }

  @Test
  void aFailedCriterionExitsOneAndPrintsTheReproduceCommand() throws Exception {
    Path file = scenario(SMALL.replace(">= 20 on root", ">= 100000 on root"));
    PrintStream old = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = SubnetSimCli.execute("run", file.toString(), "--out", tmp.resolve("f").toString());
    } finally {
      System.setOut(old);
    }
    assertThat(status).isEqualTo(SubnetSimCli.EXIT_INVARIANT_FAILED);
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("reproduce: subnet-sim/bin/subnet-sim run " + file + " --seed 3");
    assertThat(Files.readString(tmp.resolve("f").resolve("junit.xml"))).contains("<failure");
  }

  @Test
  void unknownOptionIsBadInputWithExitStatusTwo() {
    assertThat(SubnetSimCli.execute("run", "--no-such-option")).isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
  }

  @Test
  void reportReRendersAPastRunIdentically() throws Exception {
    Path run = tmp.resolve("run");
    SubnetSimCli.execute("run", scenario(SMALL).toString(), "--out", run.toString());
    Path again = tmp.resolve("again");
    assertThat(SubnetSimCli.execute("report", run.toString(), "--out", again.toString()))
        .isEqualTo(SubnetSimCli.EXIT_OK);
    assertThat(Files.readString(again.resolve("report.html")))
        .isEqualTo(Files.readString(run.resolve("report.html")));
  }

  @Test
  void replayOfARunFolderReproducesItsTraceHashWithAnotherThreadCount() throws Exception {
    Path run = tmp.resolve("run");
    SubnetSimCli.execute("run", scenario(SMALL).toString(), "--threads", "2", "--out",
        run.toString());
    assertThat(SubnetSimCli.execute("replay", run.toString(), "--threads", "1"))
        .isEqualTo(SubnetSimCli.EXIT_OK);
    assertThat(summary(run.resolve("replay")).get("trace_hash"))
        .isEqualTo(summary(run).get("trace_hash"));
  }

  @Test
  void replayNoticesATamperedRecord() throws Exception {
    Path run = tmp.resolve("run");
    SubnetSimCli.execute("run", scenario(SMALL).toString(), "--out", run.toString());
    Path summary = run.resolve("summary.json");
    String text = Files.readString(summary);
    String hash = summary(run).get("trace_hash").asText();
    Files.writeString(summary, text.replace(hash, "00" + hash.substring(2)));
    assertThat(SubnetSimCli.execute("replay", run.toString()))
        .isEqualTo(SubnetSimCli.EXIT_INVARIANT_FAILED);
  }

  @Test
  void reportOfAFolderWithoutAResultIsBadInput() {
    assertThat(SubnetSimCli.execute("report", tmp.toString())).isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
  }

  @Test
  void thePipelineDemoCertifiesStateThatAgentJsAccepts() throws Exception {
    Path out = tmp.resolve("pipeline");
    assertThat(SubnetSimCli.execute("pipeline", "--seed", "7", "--out", out.toString()))
        .isEqualTo(SubnetSimCli.EXIT_OK);
    NodeHarness.Verification v =
        NodeHarness.locate().verifyLines(Files.readAllLines(out.resolve("artifacts.jsonl")));
    assertThat(v.lines()).hasSize(20);
    assertThat(v.allOk()).as(v.output()).isTrue();
  }

  @Test
  @Tag("slow")
  void theDefaultRunIsTheFlagshipScenarioAndPasses() throws Exception {
    Path out = tmp.resolve("flagship");
    assertThat(SubnetSimCli.execute("run", "--out", out.toString())).isEqualTo(SubnetSimCli.EXIT_OK);
    assertThat(summary(out).get("scenario").asText()).isEqualTo("flagship");
  }
}
