package dev.subnetsim.app.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subnetsim.scenarios.fuzz.ScenarioYaml;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.WorkloadSpec;
import java.util.List;
import java.util.Locale;

/** The campaign's {@code fuzz.json} and {@code junit.xml}. */
public final class FuzzReports {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FuzzReports() {}

  /**
   * Per seed: the drawn schedule (fault lines as in a scenario file, and the request streams),
   * the result and its detail, the trace hash, simulated and wall seconds, finalized heights, and
   * for a failing seed its folder, shrunk scenario and reproduce command.
   */
  public static String json(FuzzCampaign campaign, List<SeedReport> reports, int jobs) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", campaign.base().name());
    root.put("budget", campaign.budget().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    root.put("duration_s", campaign.base().durationNanos() / 1e9);
    root.put("jobs", jobs);
    root.put("threads", campaign.threads());
    root.put("seeds", reports.size());
    root.put("failures", reports.stream().filter(SeedReport::failed).count());
    ArrayNode runs = root.putArray("runs");
    for (SeedReport r : reports) {
      ObjectNode o = runs.addObject();
      o.put("seed", r.seed());
      ArrayNode schedule = o.putArray("schedule");
      for (FaultSpec f : r.fuzzCase().scenario().faults()) {
        schedule.add(ScenarioYaml.fault(f));
      }
      ArrayNode requests = o.putArray("requests");
      for (WorkloadSpec.RequestStream s : r.fuzzCase().scenario().workload().requests()) {
        requests.add(s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " "
            + s.perSecond() + "/s from " + s.fromSubnet());
      }
      o.put("result", r.result());
      r.fuzzCase().finding().ifPresent(f -> o.put("detail", f.detail()));
      r.fuzzCase().run().ifPresent(run -> {
        o.put("trace_hash", run.result().traceHash());
        o.put("sim_seconds", run.result().simSeconds());
        ObjectNode heights = o.putObject("finalized_height");
        run.result().finalizedHeight().forEach(heights::put);
      });
      o.put("wall_seconds", r.wallSeconds());
      if (r.failed()) {
        r.folder().ifPresent(d -> o.put("run_folder", d));
        r.shrunkFile().ifPresent(f -> o.put("shrunk_scenario", f));
        r.shrunk().ifPresent(s -> o.put("shrunk_faults", s.scenario().faults().size())
            .put("shrinking_runs", s.runs()));
        o.put("reproduce", r.reproduce());
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One test case per seed; a failing seed's failure has the reason and reproduce command. */
  public static String junit(FuzzCampaign campaign, List<SeedReport> reports) {
    String suite = "fuzz." + campaign.base().name() + "."
        + campaign.budget().name().toLowerCase(Locale.ROOT).replace('_', '-');
    long failures = reports.stream().filter(SeedReport::failed).count();
    double time = reports.stream().mapToDouble(SeedReport::wallSeconds).sum();
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<testsuite name=\"").append(esc(suite)).append("\" tests=\"")
        .append(reports.size()).append("\" failures=\"").append(failures)
        .append("\" errors=\"0\" skipped=\"0\" time=\"").append(time).append("\">\n");
    for (SeedReport r : reports) {
      x.append("  <testcase classname=\"").append(esc(suite)).append("\" name=\"seed ")
          .append(r.seed()).append("\" time=\"").append(r.wallSeconds()).append("\"");
      if (!r.failed()) {
        x.append("/>\n");
        continue;
      }
      String detail = r.fuzzCase().finding().map(f -> f.label() + ": " + f.detail()).orElse("");
      x.append("><failure message=\"").append(esc(detail)).append("\">")
          .append(esc("reproduce: " + r.reproduce())).append("</failure></testcase>\n");
    }
    return x.append("</testsuite>\n").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
