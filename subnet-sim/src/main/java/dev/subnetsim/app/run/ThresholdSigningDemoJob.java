package dev.subnetsim.app.run;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.artifacts.ArtifactJson;
import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.BlsArtifact;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.CombinedSignature;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.chainkey.threshold.Thresholds;
import dev.subnetsim.reports.ReportWriter;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.InvariantResult.Status;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.result.TimeSeries;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Interim main job (until the scenario engine exists): one subnet of n nodes certifies a chain of
 * state roots with its high-threshold (n-f) BLS key while f nodes send invalid shares. Every
 * combined signature must verify and every Byzantine share must be attributed to its sender.
 * Writes the output folder (summary.json, report.html, junit.xml, CSVs) and {@code
 * artifacts.jsonl}, which the Node harness re-verifies with noble.
 */
final class ThresholdSigningDemoJob implements MainJob {

  private static final int HEIGHTS = 20;
  private final int n;

  ThresholdSigningDemoJob(int n) {
    this.n = n;
  }

  @Override
  public String name() {
    return "threshold-signing-demo";
  }

  @Override
  public JobOutcome run(long seed, Path out, PrintStream console) throws Exception {
    int f = Thresholds.faultsTolerated(n);
    int threshold = Thresholds.high(n);
    console.printf("subnet-sim run: job=%s seed=%d n=%d f=%d threshold=%d heights=%d%n",
        name(), seed, n, f, threshold, HEIGHTS);
    // Wall time is only reported (summary's wall_seconds); nothing simulated depends on it.
    long wallStart = System.nanoTime();
    SeededRandom root = SeededRandom.fromSeed(seed);
    ThresholdBls bls = ThresholdBls.ic();
    // Interim: a dealer creates the subnet key; the DKG-created key replaces it with the engine.
    ThresholdKeySet keys = ThresholdBls.generateKeys(n, threshold, root.fork("subnet-key"));
    SeededRandom byzantine = root.fork("byzantine");
    SeededRandom combiner = root.fork("combiner");
    MessageDigest trace = MessageDigest.getInstance("SHA-256");
    List<String> lines = new ArrayList<>();
    int attributed = 0;
    int invalidCombined = 0;
    byte[] stateRoot = new byte[32];
    for (int h = 1; h <= HEIGHTS; h++) {
      stateRoot = MessageDigest.getInstance("SHA-256").digest(concat(stateRoot, intBytes(h)));
      byte[] message = concat(new byte[] {0x0d},
          DomainSeparators.IC_STATE_ROOT.getBytes(StandardCharsets.US_ASCII), stateRoot);
      TreeMap<Integer, G1Point> shares = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        Scalar secret = i < f ? Scalar.randomNonZero(byzantine) : keys.secretKeyShare(i);
        shares.put(i, bls.signShare(secret, message));
      }
      CombinedSignature combined =
          bls.combineVerified(keys.publicCoefficients(), message, shares, combiner);
      attributed += combined.invalidIndices().size();
      if (!bls.verify(keys.publicKey(), message, combined.signature())) {
        invalidCombined++;
      }
      String line = ArtifactJson.toJsonLine(new BlsArtifact(
          new ArtifactOrigin("root", h, "subnet-high-threshold"),
          keys.publicKey().toBytes(), message, combined.signature().toBytes(),
          DomainSeparators.BLS_SIG_DST));
      lines.add(line);
      trace.update(line.getBytes(StandardCharsets.UTF_8));
      console.printf("height %2d certified; Byzantine shares attributed to nodes %s%n",
          h, combined.invalidIndices());
    }
    Files.write(out.resolve("artifacts.jsonl"), lines, StandardCharsets.UTF_8);
    boolean signaturesValid = invalidCombined == 0;
    boolean allAttributed = attributed == f * HEIGHTS;
    TimeSeries.Builder heights = new TimeSeries.Builder();
    for (int h = 0; h <= HEIGHTS; h++) {
      heights.add(h, h);
    }
    List<Integer> byzantineNodes = java.util.stream.IntStream.range(0, f).boxed().toList();
    RunResult result = new RunResult(name(), seed, HexFormat.of().formatHex(trace.digest()),
        HEIGHTS, (System.nanoTime() - wallStart) / 1e9, n, 1,
        List.of(
            new InvariantResult("every combined signature valid",
                signaturesValid ? Status.HELD : Status.VIOLATED,
                invalidCombined + " invalid of " + HEIGHTS + " combined signatures"),
            new InvariantResult("every Byzantine share attributed",
                allAttributed ? Status.HELD : Status.VIOLATED,
                attributed + " of " + (f * HEIGHTS) + " invalid shares attributed")),
        Map.of("root", (long) HEIGHTS),
        Map.of("finalized_height/root", heights.build()),
        Map.of(),
        Map.of("certification_share",
            new RunResult.MessageVolume((long) n * HEIGHTS, 48L * n * HEIGHTS)),
        List.of(new RunResult.TimelineEvent(0, "byzantine",
            "root:" + byzantineNodes + " invalid-signature-shares")),
        Map.of("n", String.valueOf(n), "f", String.valueOf(f), "threshold",
            String.valueOf(threshold), "heights", String.valueOf(HEIGHTS),
            "note", "interim main job: one height certified per simulated second, no consensus"),
        "subnet-sim/bin/subnet-sim run --seed " + seed + " --out " + out);
    ReportWriter.writeAll(result, out);
    return new JobOutcome(result.passed(), (result.passed() ? "PASSED" : "FAILED") + ": "
        + HEIGHTS + " certified heights, " + attributed + " Byzantine shares attributed");
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] out = new byte[len];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
