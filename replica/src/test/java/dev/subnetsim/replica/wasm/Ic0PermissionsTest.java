package dev.subnetsim.replica.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spot checks of the interface spec's table of where each system call may be made. */
class Ic0PermissionsTest {

  @Test
  void theCallerIsEverywhereButInTheStartFunction() {
    for (EntryPoint e : EntryPoint.values()) {
      assertThat(Ic0Permissions.allowed("msg_caller_size", e)).as("%s", e)
          .isEqualTo(e != EntryPoint.START);
    }
  }

  @Test
  void stableMemoryDebugPrintAndTrapAreAllowedEvenInTheStartFunction() {
    for (String f : new String[] {"stable64_write", "stable_read", "debug_print", "trap",
        "performance_counter"}) {
      assertThat(Ic0Permissions.allowed(f, EntryPoint.START)).as(f).isTrue();
    }
    assertThat(Ic0Permissions.allowed("time", EntryPoint.START)).isFalse();
    assertThat(Ic0Permissions.allowed("canister_self_size", EntryPoint.START)).isFalse();
  }

  @Test
  void certifiedDataIsSetOnlyWhereStateChangesAndNotInCleanup() {
    assertThat(Ic0Permissions.allowed("certified_data_set", EntryPoint.UPDATE)).isTrue();
    assertThat(Ic0Permissions.allowed("certified_data_set", EntryPoint.PRE_UPGRADE)).isTrue();
    assertThat(Ic0Permissions.allowed("certified_data_set", EntryPoint.QUERY)).isFalse();
    assertThat(Ic0Permissions.allowed("certified_data_set", EntryPoint.CLEANUP)).isFalse();
  }

  @Test
  void rejectDetailsOnlyInCallbacksAndResponsesNotFromInit() {
    assertThat(Ic0Permissions.allowed("msg_reject_code", EntryPoint.CLEANUP)).isTrue();
    assertThat(Ic0Permissions.allowed("msg_reject_msg_size", EntryPoint.REPLY_CALLBACK)).isFalse();
    assertThat(Ic0Permissions.allowed("msg_reject_msg_size", EntryPoint.REJECT_CALLBACK)).isTrue();
    assertThat(Ic0Permissions.allowed("msg_reply", EntryPoint.INIT)).isFalse();
    assertThat(Ic0Permissions.allowed("msg_arg_data_size", EntryPoint.REJECT_CALLBACK)).isFalse();
    assertThat(Ic0Permissions.allowed("accept_message", EntryPoint.INSPECT)).isTrue();
    assertThat(Ic0Permissions.allowed("call_new", EntryPoint.QUERY)).isFalse();
  }

  @Test
  void aNameOutsideTheTableIsNeitherKnownNorAllowed() {
    assertThat(Ic0Permissions.known("launch_missiles")).isFalse();
    assertThat(Ic0Permissions.allowed("launch_missiles", EntryPoint.UPDATE)).isFalse();
    assertThat(Ic0.function("msg_reply")).isNotNull();
  }
}
