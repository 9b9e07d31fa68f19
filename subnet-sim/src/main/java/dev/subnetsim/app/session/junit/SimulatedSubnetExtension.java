package dev.subnetsim.app.session.junit;

import dev.subnetsim.app.session.LiveSessions;
import dev.subnetsim.app.session.SimSession;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link SimulatedSubnet} {@link SimSession} parameters: builds the world the annotation
 * names and keeps the session in the method's extension store, so JUnit closes it (it is
 * {@link AutoCloseable}; JUnit 5.13 and later close such stored values) when the method is done,
 * also when it fails.
 */
public final class SimulatedSubnetExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatedSubnetExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SimSession.class
        && parameter.isAnnotated(SimulatedSubnet.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SimulatedSubnet config = parameter.findAnnotation(SimulatedSubnet.class).orElseThrow();
    ScenarioSpec spec;
    try {
      spec = scenario(config.scenario());
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("@SimulatedSubnet(scenario = \""
          + config.scenario() + "\"): " + e.getMessage(), e);
    }
    SimSession sim = SimSession.start(spec, config.seed());
    context.getStore(NAMESPACE).put("session-" + parameter.getIndex(), sim);
    return sim;
  }

  /** The default world, a catalog scenario by name, or a scenario file by path. */
  static ScenarioSpec scenario(String name) {
    if (name.isEmpty()) {
      return LiveSessions.defaultScenario();
    }
    if (!name.contains("/") && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
      return ScenarioLoader.catalog(name);
    }
    return ScenarioLoader.load(Path.of(name));
  }
}
