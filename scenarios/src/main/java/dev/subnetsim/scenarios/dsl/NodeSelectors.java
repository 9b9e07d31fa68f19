package dev.subnetsim.scenarios.dsl;

import static dev.subnetsim.scenarios.dsl.InputLimits.MAX_NODE_INDEX;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.NodeSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nodes a fault names: {@code subnet} with {@code nodes: [0, 2]} or {@code nodes: 0-3}, a
 * {@code "root:0-3,7"} selector, or for a crash {@code count: K} (the first K nodes by index).
 * Whether the nodes exist is {@link ScenarioValidator}'s question.
 */
final class NodeSelectors {
  private static final Pattern NODE_RANGE =
      Pattern.compile("\\s*(\\d+)\\s*(?:-\\s*(\\d+)\\s*)?");

  private NodeSelectors() {}

  /** {@code subnet: root} with {@code nodes: [0, 2]} or {@code nodes: 0-3}. */
  static NodeSelector nodes(Fields f) {
    SubnetId subnet = f.subnet("subnet");
    YamlNode n = f.require("nodes");
    return new NodeSelector(subnet, indices(f, n, n instanceof YamlNode.Scalar s ? s.text() : null));
  }

  /**
   * A crash names its nodes, or says how many crash with {@code count: K}: nodes 0 to K-1, so
   * that the number can be swept ({@code --set faults[0].count=0,1,2}); 0 crashes none. The
   * ranking of block makers is a fresh permutation at every height, so which K nodes crash does
   * not matter to consensus; the first K by index is simply the one stated choice.
   */
  static FaultSpec.Crash crash(Fields f, long at, int line) {
    if (!f.has("count")) {
      if (!f.has("nodes")) {
        throw f.error(f.require("subnet"), "a crash needs 'nodes' (which nodes crash) or 'count'"
            + " (how many: nodes 0 to count-1)");
      }
      return new FaultSpec.Crash(at, line, nodes(f));
    }
    YamlNode n = f.require("count");
    if (f.has("nodes")) {
      throw f.error(n, "give either 'nodes' (which nodes crash) or 'count' (how many), not both");
    }
    SubnetId subnet = f.subnet("subnet");
    long count = f.integer(n, Long.MIN_VALUE, Long.MAX_VALUE);
    if (count < 0) {
      throw f.error(n, "a number of nodes cannot be negative, got " + count);
    }
    if (count > MAX_NODE_INDEX) {
      throw f.error(n, "expected at most " + MAX_NODE_INDEX + " nodes, got " + count);
    }
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      first.add(i);
    }
    return new FaultSpec.Crash(at, line, new NodeSelector(subnet, first), true);
  }

  /** {@code "root:0-3,7"} */
  static NodeSelector selector(Fields f, YamlNode n) {
    String text = f.scalar(n).trim();
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw f.error(n, "expected nodes like 'root:0-3,7', got '" + text + "'");
    }
    return new NodeSelector(f.subnet(n, text.substring(0, colon)),
        indices(f, n, text.substring(colon + 1)));
  }

  private static List<Integer> indices(Fields f, YamlNode n, String ranges) {
    List<Integer> out = new ArrayList<>();
    if (ranges == null) {
      if (!(n instanceof YamlNode.Sequence seq)) {
        throw f.error(n, "expected node indices like [0, 2] or '0-3,7', got " + n.describe());
      }
      for (YamlNode item : seq.items()) {
        out.add((int) f.integer(item, 0, MAX_NODE_INDEX));
      }
      return out;
    }
    for (String part : ranges.split(",")) {
      Matcher m = NODE_RANGE.matcher(part);
      if (!m.matches()) {
        throw f.error(n, "expected node indices like '0-3,7', got '" + ranges + "'");
      }
      int from = nodeIndex(f, n, m.group(1));
      int to = m.group(2) == null ? from : nodeIndex(f, n, m.group(2));
      if (to < from) {
        throw f.error(n, "range " + part.trim() + " is empty");
      }
      for (int i = from; i <= to; i++) {
        out.add(i);
      }
    }
    return out;
  }

  /** One index of a range; bounded before expanding, so '0-999999999' cannot fill the heap. */
  private static int nodeIndex(Fields f, YamlNode n, String digits) {
    if (digits.length() > 4 || Integer.parseInt(digits) > MAX_NODE_INDEX) {
      throw f.error(n, "node index " + digits + " is out of range (at most " + MAX_NODE_INDEX
          + ")");
    }
    return Integer.parseInt(digits);
  }
}
