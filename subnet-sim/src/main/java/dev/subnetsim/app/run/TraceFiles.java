package dev.subnetsim.app.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The writer of a run's {@code trace.jsonl.gz}. The trace hash covers the events' canonical
 * encoding ({@code TraceEncoding}), not these bytes, so the compression level is free: the fastest
 * one, since deflating the JSON lines at the default level was a few percent of a run's CPU for
 * a file about 20% smaller. {@code zcat} reads it the same.
 */
public final class TraceFiles {
  private TraceFiles() {}

  /** A UTF-8 writer gzipping at {@link Deflater#BEST_SPEED} into {@code out} (closed with it). */
  public static Writer gzipWriter(OutputStream out) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(new FastGzip(out), StandardCharsets.UTF_8),
        1 << 16);
  }

  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
