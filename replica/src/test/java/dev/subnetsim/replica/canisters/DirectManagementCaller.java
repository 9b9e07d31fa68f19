package dev.subnetsim.replica.canisters;

import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.Env;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A curious canister for the tests: update {@code call} [method, argument] calls that management
 * method directly with that argument, as any canister may, and relays the reply or reject.
 */
final class DirectManagementCaller implements CanisterProgram {
  static final String NAME = "direct-management-caller";

  @Override
  public void update(String method, Env env) {
    switch (method) {
      case "call" -> {
        List<byte[]> f = Fields.decode(env.arg(), 2);
        env.call(CanisterId.MANAGEMENT, new String(f.get(0), StandardCharsets.UTF_8), f.get(1),
            "on_reply", "on_reject", new byte[0]);
      }
      case "on_reply" -> env.reply(env.arg());
      case "on_reject" -> env.reject(new String(env.arg(), StandardCharsets.UTF_8));
      default -> env.reject("no update method '" + method + "'");
    }
  }
}
