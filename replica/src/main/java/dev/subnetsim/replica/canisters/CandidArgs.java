package dev.subnetsim.replica.canisters;

import dev.subnetsim.replica.candid.Candid;
import dev.subnetsim.replica.candid.CandidType;
import dev.subnetsim.replica.execution.Env;
import java.util.Arrays;
import java.util.List;

/**
 * The Candid side of the example canisters: each answers a Candid argument (it starts with
 * {@code DIDL}) per its {@code .did} file (resources, {@code candid/}) and its original byte
 * format otherwise, so scenario workloads cost and hash what they did before.
 */
final class CandidArgs {
  private CandidArgs() {}

  /** The Candid arguments, or a trap naming why they do not decode (as an IC canister traps). */
  static List<Object> decode(Env env, CandidType... types) {
    try {
      return Candid.decode(env.arg(), List.of(types));
    } catch (IllegalArgumentException e) {
      env.trap("Candid argument: " + e.getMessage());
      throw e; // not reached: trap throws
    }
  }

  /** Replies with the Candid tuple {@code values} of {@code types}. */
  static void reply(Env env, List<CandidType> types, Object... values) {
    env.reply(Candid.encode(types, Arrays.asList(values)));
  }

  /** The tag of a variant argument of cases without data. */
  static String tag(Object variant) {
    return ((dev.subnetsim.replica.candid.CandidVariant) variant).tag();
  }
}
