package dev.subnetsim.replica.components;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which component handles each peer message kind; kinds no component owns go to the fallback
 * (the consensus node, which decodes and judges them itself).
 */
public final class MessageRoutes {
  private final TreeMap<String, PeerMessageHandler> byKind = new TreeMap<>();
  private final PeerMessageHandler fallback;

  public MessageRoutes(PeerMessageHandler fallback) {
    this.fallback = fallback;
  }

  /** Routes {@code kind} to {@code handler}; a kind has one owner. */
  public MessageRoutes route(String kind, PeerMessageHandler handler) {
    if (byKind.putIfAbsent(kind, handler) != null) {
      throw new IllegalArgumentException("message kind " + kind + " already has a handler");
    }
    return this;
  }

  public PeerMessageHandler handlerOf(String kind) {
    return byKind.getOrDefault(kind, fallback);
  }

  /** The kinds routed to components (not the fallback's). */
  public SortedMap<String, PeerMessageHandler> routes() {
    return Collections.unmodifiableSortedMap(byKind);
  }
}
