package dev.subnetsim.app.gateway;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The IC HTTP interface's routes (interface spec, "HTTPS Interface"), CBOR in and out, and the
 * simulator's control routes under {@code /sim/}. All logic is {@link IcGateway}'s.
 */
@Controller
public class IcApiController {
  private final IcGateway gateway;

  @Inject
  public IcApiController(IcGateway gateway) {
    this.gateway = gateway;
  }

  @Get("/api/v2/status")
  public HttpResponse<byte[]> status() {
    return http(gateway.status());
  }

  @Post("/api/v2/canister/{canister}/call")
  @Consumes(MediaType.ALL)
  public HttpResponse<byte[]> callV2(@PathVariable String canister, @Body byte[] body) {
    return http(gateway.call(canister, body, false));
  }

  @Post("/api/v3/canister/{canister}/call")
  @Consumes(MediaType.ALL)
  public HttpResponse<byte[]> callV3(@PathVariable String canister, @Body byte[] body) {
    return http(gateway.call(canister, body, true));
  }

  /** v2 and v3 queries take and answer the same CBOR (node-signed responses). */
  @Post(uris = {"/api/v2/canister/{canister}/query", "/api/v3/canister/{canister}/query"})
  @Consumes(MediaType.ALL)
  public HttpResponse<byte[]> query(@PathVariable String canister, @Body byte[] body) {
    return http(gateway.query(canister, body));
  }

  /** v2 and v3 read_state take and answer the same CBOR. */
  @Post(uris = {"/api/v2/canister/{canister}/read_state",
      "/api/v3/canister/{canister}/read_state"})
  @Consumes(MediaType.ALL)
  public HttpResponse<byte[]> readState(@PathVariable String canister, @Body byte[] body) {
    return http(gateway.readState(canister, body));
  }

  @Post(uris = {"/api/v2/subnet/{subnet}/read_state", "/api/v3/subnet/{subnet}/read_state"})
  @Consumes(MediaType.ALL)
  public HttpResponse<byte[]> subnetReadState(@PathVariable String subnet, @Body byte[] body) {
    return http(gateway.subnetReadState(subnet, body));
  }

  /** The world: root key, subnets, example canisters' ids (JSON). */
  @Get(uri = "/sim/topology", produces = MediaType.APPLICATION_JSON)
  public Map<String, Object> topology() {
    return gateway.topology();
  }

  /** {@code --manual-time}: lets virtual time run {@code millis} further. */
  @Post(uri = "/sim/advance", produces = MediaType.APPLICATION_JSON)
  @Consumes(MediaType.ALL)
  public HttpResponse<Map<String, Object>> advance(@QueryValue long millis) {
    try {
      long unix = gateway.advanceTime(Math.multiplyExact(millis, 1_000_000L));
      return HttpResponse.ok(Map.of("allowed_unix_nanos", unix));
    } catch (IllegalStateException | IllegalArgumentException | ArithmeticException e) {
      return HttpResponse.<Map<String, Object>>status(HttpStatus.BAD_REQUEST)
          .body(Map.of("error", String.valueOf(e.getMessage())));
    }
  }

  private static HttpResponse<byte[]> http(IcResponse r) {
    return HttpResponse.<byte[]>status(HttpStatus.valueOf(r.status()))
        .contentType(r.contentType()).body(r.body());
  }
}
