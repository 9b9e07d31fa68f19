package dev.subnetsim.app.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.cycle_detection.Cycle;
import com.tngtech.archunit.library.cycle_detection.Edge;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Package cycles inside one module: the slices are the module's first-level packages
 * ({@code <module>.(*)..}), as ArchUnit's {@code beFreeOfCycles} sees them. Each cycle is named by
 * its packages, starting from the alphabetically first and returning to it
 * ("chainkey -> state -> chainkey"), so a list of known cycles reads like the failure message.
 */
final class PackageCycles {
  private PackageCycles() {}

  /** The rule: no cycles between the first-level packages of {@code modulePackage}. */
  static ArchRule freeOfCycles(String modulePackage) {
    // A module without subpackages (reports) has nothing to check; the rule then holds.
    return slices().matching(modulePackage + ".(*)..").should().beFreeOfCycles()
        .allowEmptyShould(true);
  }

  /** The names of the cycles the rule finds (empty when it holds). */
  static SortedSet<String> in(JavaClasses classes, String modulePackage) {
    EvaluationResult result = freeOfCycles(modulePackage).evaluate(classes);
    SortedSet<String> names = new TreeSet<>();
    result.handleViolations(
        (Collection<Cycle<?>> cycles, String message) -> cycles.forEach(c -> names.add(name(c))));
    return names;
  }

  static String name(Cycle<?> cycle) {
    List<String> packages = new ArrayList<>();
    for (Edge<?> edge : cycle.getEdges()) {
      packages.add(((Slice) edge.getOrigin()).getNamePart(1));
    }
    // Start at the alphabetically first package, so one cycle always gets one name.
    Collections.rotate(packages, -packages.indexOf(Collections.min(packages)));
    packages.add(packages.get(0));
    return String.join(" -> ", packages);
  }
}
