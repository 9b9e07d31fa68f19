package dev.subnetsim.replica.wasm;

import static dev.subnetsim.replica.wasm.EntryPoint.CLEANUP;
import static dev.subnetsim.replica.wasm.EntryPoint.INIT;
import static dev.subnetsim.replica.wasm.EntryPoint.INSPECT;
import static dev.subnetsim.replica.wasm.EntryPoint.PRE_UPGRADE;
import static dev.subnetsim.replica.wasm.EntryPoint.QUERY;
import static dev.subnetsim.replica.wasm.EntryPoint.REJECT_CALLBACK;
import static dev.subnetsim.replica.wasm.EntryPoint.REPLY_CALLBACK;
import static dev.subnetsim.replica.wasm.EntryPoint.START;
import static dev.subnetsim.replica.wasm.EntryPoint.TIMER;
import static dev.subnetsim.replica.wasm.EntryPoint.UPDATE;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which entry points may make which system call: the table of the interface spec's "System API
 * imports" (its letters I G U RQ/NRQ Ry Rt C F T s, where {@code *} is every entry point but the
 * start function; replicated and non-replicated queries are one {@link EntryPoint#QUERY} here, and
 * composite queries are not run). A call outside its entry points traps.
 */
public final class Ic0Permissions {
  private static final Set<EntryPoint> ALL = EnumSet.allOf(EntryPoint.class);
  private static final Set<EntryPoint> NOT_START = EnumSet.complementOf(EnumSet.of(START));
  private static final Map<String, Set<EntryPoint>> TABLE = table();

  private Ic0Permissions() {}

  private static Map<String, Set<EntryPoint>> table() {
    Map<String, Set<EntryPoint>> t = new TreeMap<>();
    Set<EntryPoint> arg = EnumSet.of(INIT, UPDATE, QUERY, REPLY_CALLBACK, INSPECT);
    Set<EntryPoint> respond = EnumSet.of(UPDATE, QUERY, REPLY_CALLBACK, REJECT_CALLBACK);
    Set<EntryPoint> callbacks = EnumSet.of(REPLY_CALLBACK, REJECT_CALLBACK);
    Set<EntryPoint> cyclesIn = EnumSet.of(UPDATE, QUERY, REPLY_CALLBACK, REJECT_CALLBACK);
    Set<EntryPoint> calls = EnumSet.of(UPDATE, REPLY_CALLBACK, REJECT_CALLBACK, TIMER);
    Set<EntryPoint> mutate = EnumSet.of(INIT, PRE_UPGRADE, UPDATE, REPLY_CALLBACK,
        REJECT_CALLBACK, CLEANUP, TIMER);
    Set<EntryPoint> burn = EnumSet.copyOf(mutate);
    burn.add(QUERY);
    for (String f : new String[] {"msg_arg_data_size", "msg_arg_data_copy"}) {
      t.put(f, arg);
    }
    for (String f : new String[] {"msg_caller_size", "msg_caller_copy"}) {
      t.put(f, NOT_START);
    }
    t.put("msg_reject_code", EnumSet.of(REPLY_CALLBACK, REJECT_CALLBACK, CLEANUP));
    t.put("msg_reject_msg_size", EnumSet.of(REJECT_CALLBACK));
    t.put("msg_reject_msg_copy", EnumSet.of(REJECT_CALLBACK));
    t.put("msg_deadline", EnumSet.of(UPDATE, QUERY, REPLY_CALLBACK, REJECT_CALLBACK));
    for (String f : new String[] {"msg_reply_data_append", "msg_reply", "msg_reject"}) {
      t.put(f, respond);
    }
    for (String f : new String[] {"msg_cycles_available", "msg_cycles_available128",
        "msg_cycles_accept", "msg_cycles_accept128"}) {
      t.put(f, cyclesIn);
    }
    t.put("msg_cycles_refunded", callbacks);
    t.put("msg_cycles_refunded128", callbacks);
    t.put("cycles_burn128", burn);
    t.put("msg_method_name_size", EnumSet.of(INSPECT));
    t.put("msg_method_name_copy", EnumSet.of(INSPECT));
    t.put("accept_message", EnumSet.of(INSPECT));
    for (String f : new String[] {"call_new", "call_on_cleanup", "call_data_append",
        "call_cycles_add", "call_cycles_add128", "call_perform"}) {
      t.put(f, calls);
    }
    for (String f : new String[] {"canister_self_size", "canister_self_copy",
        "canister_cycle_balance", "canister_cycle_balance128", "canister_status",
        "canister_version", "time", "data_certificate_present"}) {
      t.put(f, NOT_START);
    }
    for (String f : new String[] {"is_controller", "in_replicated_execution", "stable_size",
        "stable_grow", "stable_read", "stable_write", "stable64_size", "stable64_grow",
        "stable64_read", "stable64_write", "performance_counter", "debug_print", "trap"}) {
      t.put(f, ALL);
    }
    t.put("certified_data_set", EnumSet.of(INIT, PRE_UPGRADE, UPDATE, REPLY_CALLBACK,
        REJECT_CALLBACK, TIMER));
    t.put("global_timer_set", EnumSet.of(INIT, PRE_UPGRADE, UPDATE, REPLY_CALLBACK,
        REJECT_CALLBACK, CLEANUP, TIMER));
    t.put("data_certificate_size", EnumSet.of(QUERY));
    t.put("data_certificate_copy", EnumSet.of(QUERY));
    return t;
  }

  /** Whether {@code function} is a system call this runtime offers. */
  public static boolean known(String function) {
    return TABLE.containsKey(function);
  }

  /** Whether {@code entry} may call {@code function}. */
  public static boolean allowed(String function, EntryPoint entry) {
    Set<EntryPoint> s = TABLE.get(function);
    return s != null && s.contains(entry);
  }
}
