package dev.subnetsim.reports;

import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.RunResult;

/** {@code junit.xml}: one test case per invariant or pass criterion, for CI dashboards. */
public final class JunitXml {
  private JunitXml() {}

  public static String render(RunResult r) {
    long failures = r.invariants().stream()
        .filter(i -> i.status() == InvariantResult.Status.VIOLATED).count();
    long skipped = r.invariants().stream()
        .filter(i -> i.status() == InvariantResult.Status.NOT_CHECKED).count();
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<testsuite name=\"").append(esc("scenario." + r.scenario())).append("\" tests=\"")
        .append(r.invariants().size()).append("\" failures=\"").append(failures)
        .append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"")
        .append(r.wallSeconds()).append("\">\n");
    x.append("  <properties><property name=\"seed\" value=\"").append(r.seed())
        .append("\"/><property name=\"trace_hash\" value=\"").append(r.traceHash())
        .append("\"/></properties>\n");
    for (InvariantResult i : r.invariants()) {
      x.append("  <testcase classname=\"").append(esc("scenario." + r.scenario()))
          .append("\" name=\"").append(esc(i.name())).append("\"");
      switch (i.status()) {
        case HELD -> x.append("/>\n");
        case NOT_CHECKED -> x.append("><skipped message=\"").append(esc(i.detail()))
            .append("\"/></testcase>\n");
        case VIOLATED -> x.append("><failure message=\"").append(esc(i.detail())).append("\">")
            .append(esc("reproduce: " + r.reproduce())).append("</failure></testcase>\n");
      }
    }
    return x.append("</testsuite>\n").toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
