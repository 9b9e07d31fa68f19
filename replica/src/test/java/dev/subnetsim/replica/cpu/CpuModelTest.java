package dev.subnetsim.replica.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.crypto.CryptoWork;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuModelTest {
  private static CpuCosts costs() {
    Map<CpuOp, Long> m = new EnumMap<>(CpuOp.class);
    for (CpuOp op : CpuOp.values()) {
      m.put(op, 0L);
    }
    m.put(CpuOp.BLS_VERIFY_INDIVIDUAL, 1_000_000L);
    m.put(CpuOp.ECDSA_SIGN_SHARE, 300_000L);
    m.put(CpuOp.CANISTER_INSTRUCTION, 1L);
    return new CpuCosts("test", m);
  }

  @Test
  void aStepsWorkIsItsPricedOperationsSpreadOverTheCoresRoundedUp() {
    Map<CpuOp, Long> work = new CpuWork().add(CpuOp.BLS_VERIFY_INDIVIDUAL, 3)
        .add(CpuOp.ECDSA_SIGN_SHARE).add(CpuOp.CANISTER_INSTRUCTION, 5).drain();
    assertThat(new CpuModel(1, costs()).nanos(work)).isEqualTo(3_300_005L);
    assertThat(new CpuModel(4, costs()).nanos(work)).isEqualTo(825_002L); // 3,300,005 / 4, up
    assertThat(CpuModel.NONE.nanos(work)).isZero();
    assertThat(CpuModel.NONE.costs().isFree()).isTrue();
  }

  @Test
  void consensusWorkAndChainKeyMethodsMapToTheirOperations() {
    CpuWork work = new CpuWork().addAll(Map.of(CryptoWork.Op.BLS_VERIFY_INDIVIDUAL, 2L))
        .add(CpuOp.signShare("sign_with_schnorr"), 1).add(CpuOp.verifyShare("vetkd_derive_key"), 4)
        .add(CpuOp.combineShare("document_key_shadows"), 3).add(CpuOp.signShare("raw_rand"), 9);
    assertThat(work.drain()).containsOnly(Map.entry(CpuOp.BLS_VERIFY_INDIVIDUAL, 2L),
        Map.entry(CpuOp.SCHNORR_SIGN_SHARE, 1L), Map.entry(CpuOp.VETKD_VERIFY_SHARE, 4L),
        Map.entry(CpuOp.ECDH_COMBINE_SHARE, 3L));
    assertThat(work.drain()).as("drained").isEmpty();
    for (CryptoWork.Op op : CryptoWork.Op.values()) {
      assertThat(CpuOp.of(op).costName()).isEqualTo(op.costName());
    }
  }

  @Test
  void aCpuHasAtLeastOneCore() {
    assertThatThrownBy(() -> new CpuModel(0, costs())).hasMessageContaining("cores must be >= 1");
  }
}
