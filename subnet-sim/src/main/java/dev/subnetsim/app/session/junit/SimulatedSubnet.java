package dev.subnetsim.app.session.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a {@link dev.subnetsim.app.session.SimSession} parameter of a test method (or test
 * constructor, or lifecycle method) that JUnit fills with a freshly built simulated world, closed
 * after the method: no other set-up is needed.
 *
 * <pre>{@code
 * @Test
 * void counts(@SimulatedSubnet(seed = 7) SimSession sim) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@ExtendWith(SimulatedSubnetExtension.class)
public @interface SimulatedSubnet {
  /** The run seed: the same seed and the same script give the same replies at the same times. */
  long seed() default 1;

  /**
   * The world: empty for {@code subnet-sim serve}'s default (a root and an app subnet of four
   * nodes, every example canister on both), a catalog scenario's name (e.g. {@code flagship}),
   * or the path of a scenario YAML file.
   */
  String scenario() default "";
}
