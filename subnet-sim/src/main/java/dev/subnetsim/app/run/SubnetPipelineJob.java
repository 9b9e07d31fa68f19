package dev.subnetsim.app.run;

import dev.subnetsim.chainkey.artifacts.ArtifactJson;
import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.CertificateArtifact;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateBuilder;
import dev.subnetsim.chainkey.certification.CertificateVerifier;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.StateRootMessage;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.InProcessDkg;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.CombinedSignature;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.Thresholds;
import dev.subnetsim.replica.canisters.KeyValueCanister;
import dev.subnetsim.replica.execution.CanisterCall;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.CostModel;
import dev.subnetsim.replica.execution.ExecutionEnvironment;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.IngressValidator;
import dev.subnetsim.replica.ingress.InvalidIngressException;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.state.CertifiedStateTree;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import dev.subnetsim.reports.ReportWriter;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.InvariantResult.Status;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.result.SeriesKey;
import dev.subnetsim.scenarios.result.TimeSeries;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Interim main job, until the scenario engine drives replicas through consensus: one subnet of n
 * replicas runs the pipeline below consensus for real. The subnet key comes from a DKG with no
 * trusted dealer; users sign ingress (Ed25519, secp256k1, P-256); every replica validates it,
 * executes it on its own copy of the key-value canister, builds the certified state tree and signs
 * a threshold share of its root; shares combine into certificates that agent-js accepts. The first
 * f replicas execute divergently (a Byzantine behaviour) and their shares must be attributed.
 * Block order is fixed here (one block per simulated second) instead of agreed by consensus.
 */
public final class SubnetPipelineJob implements MainJob {
  private static final int HEIGHTS = 20;
  private static final int MESSAGES_PER_HEIGHT = 6;
  private static final long SECOND = 1_000_000_000L;
  private static final CanisterId KV = new CanisterId(0);

  private final int n;

  public SubnetPipelineJob(int n) {
    this.n = n;
  }

  @Override
  public String name() {
    return "single-subnet-pipeline";
  }

  @Override
  public JobOutcome run(long seed, Path out, PrintStream console) throws Exception {
    int f = Thresholds.faultsTolerated(n);
    int threshold = Thresholds.high(n);
    console.printf("subnet-sim run: job=%s seed=%d n=%d f=%d threshold=%d heights=%d "
            + "messages/height=%d byzantine=nodes 0-%d (divergent execution)%n",
        name(), seed, n, f, threshold, HEIGHTS, MESSAGES_PER_HEIGHT, f - 1);
    // Wall time is only reported (summary's wall_seconds); nothing simulated depends on it.
    WallTimer wall = WallTimer.start();
    SeededRandom root = SeededRandom.fromSeed(seed);
    MessageDigest trace = MessageDigest.getInstance("SHA-256");

    List<Scalar> keyShares = new ArrayList<>();
    PublicCoefficients subnetKey = runDkg(root.fork("dkg"), threshold, keyShares);
    byte[] rootKeyDer = BlsKeyDer.encode(subnetKey.publicKey().toBytes());
    console.printf("DKG: subnet public key %s... from %d dealings, no dealer holds the secret%n",
        HexFormat.of().formatHex(subnetKey.publicKey().toBytes()).substring(0, 16), n);

    ExecutionEnvironment exec = new ExecutionEnvironment(
        Map.of(KeyValueCanister.NAME, new KeyValueCanister()), CostModel.icApplicationSubnet());
    List<CanisterState> replicas = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CanisterState c = new CanisterState(KV, KeyValueCanister.NAME, 1_000_000_000_000L);
      exec.execute(c, new CanisterCall(CanisterCall.Kind.INIT, KV, new byte[0], "", new byte[0],
          new byte[0]), 0, new byte[32]);
      replicas.add(c);
    }
    List<UserKeyPair> users = new ArrayList<>();
    for (SignatureScheme s : SignatureScheme.values()) {
      users.add(UserKeyPair.generate(s, root.fork("user-" + s)));
    }

    ThresholdBls bls = ThresholdBls.ic();
    SeededRandom combiner = root.fork("combiner");
    List<String> artifacts = new ArrayList<>();
    Map<byte[], RequestStatus> statuses = new TreeMap<>(Arrays::compareUnsigned);
    TimeSeries.Builder certified = new TimeSeries.Builder().add(0, 0);
    List<Long> latencies = new ArrayList<>();
    int attributed = 0;
    int disagreements = 0;
    int invalidCertificates = 0;
    long instructions = 0;
    for (int h = 1; h <= HEIGHTS; h++) {
      long now = h * SECOND;
      List<SignedIngress> block = new ArrayList<>();
      for (int m = 0; m < MESSAGES_PER_HEIGHT; m++) {
        UserKeyPair u = users.get(m % users.size());
        block.add(u.sign(new IngressMessage(u.principal(), KV.toBytes(), "put",
            ("h" + h + "m" + m + "=" + u.scheme()).getBytes(StandardCharsets.UTF_8),
            now + 60 * SECOND, null)));
      }
      byte[] beacon = MessageDigest.getInstance("SHA-256").digest(("beacon/" + seed + "/" + h)
          .getBytes(StandardCharsets.UTF_8));
      // Every replica validates and executes the block on its own state.
      TreeMap<Integer, byte[]> roots = new TreeMap<>();
      Map<byte[], RequestStatus> heightStatuses = new TreeMap<>(Arrays::compareUnsigned);
      for (int i = 0; i < n; i++) {
        Map<byte[], RequestStatus> mine = new TreeMap<>(Arrays::compareUnsigned);
        for (SignedIngress s : block) {
          RequestStatus status;
          try {
            IngressValidator.validate(s, now);
            ExecutionResult r = exec.execute(replicas.get(i), CanisterCall.update(KV,
                s.message().sender().toBytes(), "put", s.message().arg()), now, beacon);
            instructions += i == n - 1 ? r.instructions() : 0;
            status = r.outcome() instanceof ExecutionResult.Replied rep
                ? RequestStatus.replied(rep.data())
                : RequestStatus.rejected(5, String.valueOf(r.outcome()));
          } catch (InvalidIngressException e) {
            status = RequestStatus.rejected(1, e.getMessage());
          }
          mine.put(s.message().requestId(), status);
        }
        if (i == n - 1) {
          heightStatuses.putAll(mine);
        }
        byte[] data = replicas.get(i).certifiedData();
        if (i < f) {
          data = MessageDigest.getInstance("SHA-256").digest(data); // divergent execution
        }
        Map<byte[], RequestStatus> all = new TreeMap<>(Arrays::compareUnsigned);
        all.putAll(statuses);
        all.putAll(mine);
        roots.put(i, new CertifiedStateTree(now, Map.of(KV, data), all, List.of()).rootHash());
      }
      statuses.putAll(heightStatuses);
      for (int i = f + 1; i < n; i++) {
        if (!Arrays.equals(roots.get(i), roots.get(f))) {
          disagreements++;
        }
      }
      HashTree tree = new CertifiedStateTree(now, Map.of(KV, replicas.get(n - 1).certifiedData()),
          statuses, List.of()).build();
      byte[] message = StateRootMessage.of(tree.digest());
      TreeMap<Integer, G1Point> shares = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        shares.put(i, bls.signShare(keyShares.get(i), StateRootMessage.of(roots.get(i))));
      }
      CombinedSignature combined = bls.combineVerified(subnetKey, message, shares, combiner);
      attributed += combined.invalidIndices().size();
      Certificate cert = CertificateBuilder.certify(tree, msg -> combined.signature().toBytes(),
          Optional.empty());
      try {
        CertificateVerifier.jblst().verify(cert, rootKeyDer, Principal.fromBytes(KV.toBytes()));
      } catch (Exception e) {
        invalidCertificates++;
      }
      String line = ArtifactJson.toJsonLine(new CertificateArtifact(
          new ArtifactOrigin("root", h, "subnet-high-threshold"), Bytes.of(rootKeyDer),
          Bytes.of(cert.encode()), Optional.empty()));
      artifacts.add(line);
      trace.update(line.getBytes(StandardCharsets.UTF_8));
      certified.add(h, h);
      for (int m = 0; m < MESSAGES_PER_HEIGHT; m++) {
        // Message m is submitted (m+1)/(M+1) s into the second before its block is certified.
        latencies.add(SECOND - SECOND * (1 + m) / (MESSAGES_PER_HEIGHT + 1));
      }
      console.printf("height %2d: %d messages executed by %d replicas, certified; shares of "
          + "nodes %s rejected%n", h, block.size(), n, combined.invalidIndices());
    }
    Files.write(out.resolve("artifacts.jsonl"), artifacts, StandardCharsets.UTF_8);

    long replied = statuses.values().stream().filter(s -> s.status().equals("replied")).count();
    List<InvariantResult> invariants = List.of(
        new InvariantResult("certified-state agreement (honest replicas)",
            disagreements == 0 ? Status.HELD : Status.VIOLATED,
            disagreements + " disagreeing state roots over " + HEIGHTS + " heights"),
        new InvariantResult("every certificate valid",
            invalidCertificates == 0 ? Status.HELD : Status.VIOLATED,
            (HEIGHTS - invalidCertificates) + " of " + HEIGHTS + " verify under the DKG key"),
        new InvariantResult("Byzantine shares attributed",
            attributed == f * HEIGHTS ? Status.HELD : Status.VIOLATED,
            attributed + " of " + (f * HEIGHTS) + " divergent shares attributed"),
        new InvariantResult("every ingress message replied",
            replied == (long) HEIGHTS * MESSAGES_PER_HEIGHT ? Status.HELD : Status.VIOLATED,
            replied + " of " + HEIGHTS * MESSAGES_PER_HEIGHT + " replied"));
    Map<String, String> config = new TreeMap<>();
    config.put("n", String.valueOf(n));
    config.put("f", String.valueOf(f));
    config.put("threshold", String.valueOf(threshold));
    config.put("heights", String.valueOf(HEIGHTS));
    config.put("canister instructions (one replica)", String.valueOf(instructions));
    config.put("note", "interim main job: block order fixed (no consensus yet), 1 block/s");
    RunResult result = new RunResult(name(), seed, HexFormat.of().formatHex(trace.digest()),
        HEIGHTS, wall.seconds(), n, 1, invariants,
        Map.of("root", (long) HEIGHTS), Map.of(SeriesKey.FINALIZED_HEIGHT.of("root"), certified.build()),
        Map.of("ingress", latencies),
        Map.of("certification_share", new RunResult.MessageVolume((long) n * HEIGHTS,
                48L * n * HEIGHTS),
            "ingress", new RunResult.MessageVolume((long) n * HEIGHTS * MESSAGES_PER_HEIGHT, 0)),
        List.of(new RunResult.TimelineEvent(0, "byzantine", "root:0-" + (f - 1)
            + " divergent-execution")),
        config, "subnet-sim/bin/subnet-sim run --seed " + seed + " --out " + out);
    ReportWriter.writeAll(result, out);
    return new JobOutcome(result.passed(), (result.passed() ? "PASSED" : "FAILED") + ": "
        + HEIGHTS + " heights certified, " + replied + " messages replied, " + attributed
        + " Byzantine shares attributed");
  }

  /** A DKG among the n replicas: each deals, each opens its shares, the transcript combines. */
  private PublicCoefficients runDkg(SeededRandom rng, int threshold, List<Scalar> sharesOut) {
    List<ReceiverKeyPair> keys = InProcessDkg.receivers(n, rng);
    DkgConfig config = DkgConfig.fresh("subnet-key/root".getBytes(StandardCharsets.US_ASCII),
        n, InProcessDkg.publicKeys(keys), threshold);
    InProcessDkg.Outcome outcome = InProcessDkg.run(config, keys, rng);
    sharesOut.addAll(outcome.shares());
    Transcript transcript = outcome.transcript();
    G2Point pk = transcript.publicCoefficients().publicKey();
    if (pk.isIdentity()) {
      throw new IllegalStateException("DKG produced the identity key");
    }
    return transcript.publicCoefficients();
  }
}
