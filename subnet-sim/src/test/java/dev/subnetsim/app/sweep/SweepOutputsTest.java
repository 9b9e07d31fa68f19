package dev.subnetsim.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SweepOutputsTest {

  private static final SweepGrid GRID = new SweepGrid(List.of(
      SweepAxis.parse("consensus.unit_delay=100ms,200ms", "--set"),
      SweepAxis.parse("subnets[0].nodes=4,7", "--set")), false);

  /** blocks = 10 / delay (in 100 ms) + seed, so means and intervals are known. */
  private static List<SweepRow> rows() {
    List<SweepRow> rows = new ArrayList<>();
    for (SweepPoint p : GRID.points()) {
      double delay = p.value("consensus.unit_delay").equals("100ms") ? 1 : 2;
      for (long seed = 1; seed <= 3; seed++) {
        SortedMap<String, Double> m = new TreeMap<>();
        m.put("blocks_per_second.root", 10 / delay + seed);
        m.put("messages_by_type.ingress.count", 5.0);
        if (p.value("subnets[0].nodes").equals("4")) {
          m.put("latency_seconds.ingress.p99", 0.25);
        }
        rows.add(new SweepRow(p, seed, seed != 3 || delay == 1, m, 1.5, "hash" + seed,
            "runs/" + p.folderName() + "/seed-" + seed, false));
      }
    }
    return rows;
  }

  @Test
  void csvHasTheSweptFieldsSeedPassedEveryMetricWallSecondsTraceHashAndRun() {
    List<String> lines = SweepTables.csv(GRID.paths(), rows()).lines().toList();
    assertThat(lines.get(0)).isEqualTo("consensus.unit_delay,subnets[0].nodes,seed,passed,"
        + "blocks_per_second.root,latency_seconds.ingress.p99,messages_by_type.ingress.count,"
        + "wall_seconds,trace_hash,run");
    assertThat(lines).hasSize(1 + 12);
    assertThat(lines.get(1)).isEqualTo("100ms,4,1,true,11,0.25,5,1.5,hash1,"
        + "runs/consensus.unit_delay=100ms_subnets_0_.nodes=4/seed-1");
    // A run without a metric leaves its cell empty.
    assertThat(lines.get(4)).startsWith("100ms,7,1,true,11,,5,");
  }

  @Test
  void jsonHasOneFlatObjectPerRunWithTheCsvColumns() throws Exception {
    JsonNode json = new ObjectMapper().readTree(SweepTables.json("base.yaml", GRID,
        List.of(1L, 2L, 3L), rows()));
    assertThat(json.path("base").asText()).isEqualTo("base.yaml");
    assertThat(json.path("fields").get(1).path("path").asText()).isEqualTo("subnets[0].nodes");
    assertThat(json.path("runs")).hasSize(12);
    JsonNode last = json.path("runs").get(11);
    assertThat(last.path("consensus.unit_delay").asText()).isEqualTo("200ms");
    assertThat(last.path("seed").asLong()).isEqualTo(3);
    assertThat(last.path("passed").asBoolean()).isFalse();
    assertThat(last.path("blocks_per_second.root").asDouble()).isEqualTo(8.0);
    assertThat(last.has("latency_seconds.ingress.p99")).isFalse();
    assertThat(last.path("trace_hash").asText()).isEqualTo("hash3");
  }

  @Test
  void chartLinesAreOnePerValueOfTheOtherFieldWithMeanAndIntervalOverSeeds() {
    List<SvgPlot.Line> lines = SweepHtml.lines(GRID, rows(), "blocks_per_second.root",
        GRID.axes().get(0));
    assertThat(lines).extracting(SvgPlot.Line::label).containsExactly("4", "7");
    SvgPlot.Point first = lines.get(0).points().get(0);
    // seeds 1..3 at 100 ms: 11, 12, 13: mean 12, half-width t(2) * 1/sqrt(3) * 1 = 2.4841.
    assertThat(first.stats().mean()).isEqualTo(12.0);
    assertThat(first.stats().high() - 12).isCloseTo(2.4841, org.assertj.core.api.Assertions
        .within(1e-4));
    assertThat(first.x()).isEqualTo(0.1); // 100 ms, placed in seconds
    assertThat(first.seeds()).extracting(SvgPlot.Mark::href).containsExactly(
        "runs/consensus.unit_delay=100ms_subnets_0_.nodes=4/seed-1/report.html",
        "runs/consensus.unit_delay=100ms_subnets_0_.nodes=4/seed-2/report.html",
        "runs/consensus.unit_delay=100ms_subnets_0_.nodes=4/seed-3/report.html");
  }

  @Test
  void thePageIsWellFormedWithAChartPerMetricAndFieldAndDotsInsideTheirChart()
      throws Exception {
    List<SweepRow> rows = rows();
    Map<String, SortedMap<String, List<Double>>> latencies = new TreeMap<>();
    rows.forEach(r -> latencies.put(r.run(), new TreeMap<>(Map.of("ingress",
        List.of(0.1, 0.2, 0.3)))));
    String html = SweepHtml.render(new SweepHtml.Page("Sweep", "base.yaml", GRID,
        List.of(1L, 2L, 3L), rows, SweepHtml.defaultPlotted(SweepTables.metrics(rows)),
        latencies, ""));
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(html)));
    NodeList svgs = doc.getElementsByTagName("svg");
    // 2 plotted metrics (message counts left out) x 2 fields, and one ingress CDF.
    assertThat(svgs.getLength()).isEqualTo(5);
    assertThat(html).doesNotContain("<script").doesNotContain("http://cdn")
        .doesNotContain("https://");
    for (int i = 0; i < svgs.getLength(); i++) {
      Element svg = (Element) svgs.item(i);
      double w = Double.parseDouble(svg.getAttribute("width"));
      double h = Double.parseDouble(svg.getAttribute("height"));
      NodeList circles = svg.getElementsByTagName("circle");
      for (int c = 0; c < circles.getLength(); c++) {
        Element e = (Element) circles.item(c);
        assertThat(Double.parseDouble(e.getAttribute("cx"))).isBetween(0.0, w);
        assertThat(Double.parseDouble(e.getAttribute("cy"))).isBetween(0.0, h);
      }
    }
    Element first = (Element) svgs.item(0);
    // 2 lines x 2 points: a mean each, and 3 seed dots each, every dot a link to its report.
    assertThat(count(first, "circle", "mean")).isEqualTo(4);
    assertThat(count(first, "circle", "seed")).isEqualTo(12);
    assertThat(count(first, "path", "ci")).isEqualTo(4);
    NodeList links = first.getElementsByTagName("a");
    assertThat(links.getLength()).isEqualTo(12);
    assertThat(((Element) links.item(0)).getAttribute("href")).endsWith("/seed-1/report.html");
    assertThat(html).contains("12 ± 2.48");
  }

  @Test
  void aPredictionIsDrawnAsALineOfItsOwnOnlyOnTheChartOfItsMetricAndField() {
    List<SweepRow> rows = rows();
    String html = SweepHtml.render(new SweepHtml.Page("Experiment", "base.yaml", GRID,
        List.of(1L, 2L, 3L), rows, List.of("blocks_per_second.root"), Map.of(), "", List.of(
            new Expectation.Predicted("blocks_per_second.root", "consensus.unit_delay",
                List.of(12.0, 7.0), 0.1))));
    String[] charts = html.split("<h2>");
    String byDelay = charts[1];
    String byNodes = charts[2];
    assertThat(byDelay).startsWith("blocks_per_second.root against consensus.unit_delay")
        .contains(">predicted</text>").contains("<title>predicted: 12</title>")
        .contains("<title>predicted: 7</title>").contains("<title>4: mean 12, 95% CI");
    assertThat(byNodes).startsWith("blocks_per_second.root against subnets[0].nodes")
        .doesNotContain("predicted");
  }

  private static int count(Element root, String tag, String cls) {
    NodeList all = root.getElementsByTagName(tag);
    int n = 0;
    for (int i = 0; i < all.getLength(); i++) {
      if (cls.equals(((Element) all.item(i)).getAttribute("class"))) {
        n++;
      }
    }
    return n;
  }
}
