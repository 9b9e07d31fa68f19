package dev.subnetsim.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.subnetsim.scenarios.result.RunResult;

/**
 * {@code result.json}: the whole {@link RunResult} (series and latencies included), so that
 * {@code subnet-sim report DIR} can re-render a past run without re-running it.
 */
public final class ResultJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ResultJson() {}

  public static String render(RunResult result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a {@code result.json}; a malformed file raises an exception naming the problem. */
  public static RunResult parse(String json) throws JsonProcessingException {
    return JSON.readValue(json, RunResult.class);
  }
}
