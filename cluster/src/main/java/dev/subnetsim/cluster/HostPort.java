package dev.subnetsim.cluster;

import java.util.Arrays;
import java.util.List;

/** A member's address as a user writes it: {@code HOST:PORT} (port 0: any free port). */
public record HostPort(String host, int port) {
  public HostPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("no host");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** {@code HOST:PORT}; an IllegalArgumentException saying what is wrong otherwise. */
  public static HostPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT, got '" + text + "'");
    }
    try {
      return new HostPort(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected HOST:PORT, got '" + text + "'");
    }
  }

  /** A comma-separated list of {@code HOST:PORT}. */
  public static List<HostPort> parseList(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(HostPort::parse).toList();
  }

  /** The Pekko address of the member listening here. */
  String pekkoAddress() {
    return "pekko://" + ClusterMember.SYSTEM + "@" + host + ":" + port;
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
