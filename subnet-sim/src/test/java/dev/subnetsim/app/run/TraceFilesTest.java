package dev.subnetsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The trace file's writer: any gzip reader gets back exactly the lines written. */
class TraceFilesTest {
  @Test
  void whatIsWrittenIsGzipThatDecompressesToTheSameUtf8Text() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append("{\"t\":").append(i).append(",\"kind\":\"notarization-share\",\"é\":1}\n");
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();

    try (Writer w = TraceFiles.gzipWriter(file)) {
      w.write(text.toString());
    }

    byte[] gz = file.toByteArray();
    assertThat(gz.length).isLessThan(text.length() / 4); // compressed, not stored
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text.toString());
    }
  }
}
