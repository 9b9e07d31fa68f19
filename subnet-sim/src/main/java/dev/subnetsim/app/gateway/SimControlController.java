package dev.subnetsim.app.gateway;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The control plane's routes under {@code /sim/} (JSON) and the live page at {@code /}. All
 * logic is {@link SimControl}'s; a refused request gets 400 (or 409: not in this time mode) with
 * {@code {"error": reason}}.
 */
@Controller
public class SimControlController {
  private static final String PAGE = "dev/subnetsim/app/gateway/live.html";
  private final SimControl control;

  @Inject
  public SimControlController(IcGateway gateway) {
    this.control = new SimControl(gateway.session());
  }

  /** Manual time: runs the world up to its next event (one window). */
  @Post(uri = "/sim/tick", produces = MediaType.APPLICATION_JSON)
  @Consumes(MediaType.ALL)
  public HttpResponse<Map<String, Object>> tick() {
    return answer(control::tick);
  }

  /** Virtual time follows the wall clock ({@code on=true}) or moves only when told. */
  @Post(uri = "/sim/auto-progress", produces = MediaType.APPLICATION_JSON)
  @Consumes(MediaType.ALL)
  public HttpResponse<Map<String, Object>> autoProgress(@QueryValue String on) {
    if (!on.equals("true") && !on.equals("false")) {
      return error(HttpStatus.BAD_REQUEST, "on must be true or false, got " + on);
    }
    return answer(() -> control.autoProgress(Boolean.parseBoolean(on)));
  }

  /** A fault now: {@code {"kind": "crash"|"restart"|"partition"|"heal", ...}} (SimControl). */
  @Post(uri = "/sim/faults", produces = MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public HttpResponse<Map<String, Object>> fault(@Body Map<String, Object> request) {
    return answer(() -> control.inject(request));
  }

  /**
   * Server-sent events: {@code heights} (virtual time and each subnet's highest executed height)
   * whenever they changed, looked at every 200 ms of wall time.
   */
  @Get(uri = "/sim/events", produces = MediaType.TEXT_EVENT_STREAM)
  public Publisher<Event<Map<String, Object>>> events() {
    return Flux.interval(Duration.ZERO, Duration.ofMillis(200))
        .publishOn(Schedulers.boundedElastic()) // a read waits for the driver's next window
        .map(tick -> control.heights())
        .distinctUntilChanged(h -> h.get("heights"))
        .map(h -> Event.of(h).name("heights"));
  }

  @Get(uri = "/sim/metrics", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<Map<String, Object>> metrics() {
    return answer(control::metrics);
  }

  /** The live page: heights, time and faults of the running world, polled from /sim/metrics. */
  @Get(uri = "/", produces = MediaType.TEXT_HTML)
  public String page() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(PAGE)) {
      if (in == null) {
        throw new IOException(PAGE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static HttpResponse<Map<String, Object>> answer(Supplier<Map<String, Object>> action) {
    try {
      return HttpResponse.ok(action.get());
    } catch (IllegalArgumentException e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (IllegalStateException e) {
      return error(HttpStatus.CONFLICT, e.getMessage());
    }
  }

  private static HttpResponse<Map<String, Object>> error(HttpStatus status, String reason) {
    return HttpResponse.<Map<String, Object>>status(status)
        .body(Map.of("error", String.valueOf(reason)));
  }
}
