package dev.subnetsim.reports;

import dev.subnetsim.scenarios.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the report files of a run's output folder: summary.json, report.html, junit.xml,
 * series.csv, latencies.csv and result.json (the run itself writes artifacts.jsonl and trace.jsonl).
 */
public final class ReportWriter {
  private ReportWriter() {}

  public static void writeAll(RunResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("summary.json"), SummaryJson.render(result));
    write(dir.resolve("report.html"), HtmlReport.render(result));
    write(dir.resolve("junit.xml"), JunitXml.render(result));
    write(dir.resolve("series.csv"), CsvExport.series(result));
    write(dir.resolve("latencies.csv"), CsvExport.latencies(result));
    write(dir.resolve("result.json"), ResultJson.render(result));
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
