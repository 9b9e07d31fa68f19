package dev.subnetsim.app.gateway;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.Map;

/** The Micronaut HTTP server of {@code subnet-sim serve}, on 127.0.0.1 only. */
public final class GatewayServer implements AutoCloseable {
  private final ApplicationContext context;
  private final EmbeddedServer server;

  private GatewayServer(ApplicationContext context, EmbeddedServer server) {
    this.context = context;
    this.server = server;
  }

  /** Serves {@code gateway} on {@code port} (0: any free port). */
  public static GatewayServer start(IcGateway gateway, int port) {
    ApplicationContext context = ApplicationContext.builder()
        .properties(settings(port))
        .singletons(gateway)
        .start();
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    server.start();
    return new GatewayServer(context, server);
  }

  /** Loopback only; a body larger than a replica takes is refused (413) before it is read. */
  static Map<String, Object> settings(int port) {
    return Map.of("micronaut.server.host", "127.0.0.1",
        "micronaut.server.port", port,
        "micronaut.server.max-request-size", IcGateway.MAX_BODY_BYTES + 64 * 1024,
        "micronaut.application.name", "subnet-sim");
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  @Override
  public void close() {
    server.stop();
    context.close();
  }
}
