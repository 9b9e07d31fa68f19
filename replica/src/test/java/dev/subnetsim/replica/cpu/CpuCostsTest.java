package dev.subnetsim.replica.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCostsTest {

  private static String table(long nanos) {
    return Arrays.stream(CpuOp.values()).map(op -> op.costName() + "\t" + nanos + "\tmeasured")
        .collect(Collectors.joining("\n", "# a table\n\n", "\n"));
  }

  @Test
  void theReferenceTablePricesEveryOperationAndChargesForCryptography() {
    CpuCosts reference = CpuCosts.reference();
    assertThat(reference.nanosPerOp()).containsOnlyKeys(CpuOp.values());
    assertThat(reference.isFree()).isFalse();
    // A pairing check costs more than a share signature; both cost something.
    assertThat(reference.nanos(CpuOp.BLS_VERIFY_INDIVIDUAL))
        .isGreaterThan(reference.nanos(CpuOp.BLS_SIGN_INDIVIDUAL)).isPositive();
  }

  @Test
  void aTableListsEveryOperationOnceCommentsAndBlankLinesIgnored() {
    CpuCosts costs = CpuCosts.parse("t.tsv", table(7));
    assertThat(costs.nanos(CpuOp.ECDSA_SIGN_SHARE)).isEqualTo(7);
    assertThat(CpuCosts.none().isFree()).isTrue();
  }

  @Test
  void aMissingOperationIsNamed() {
    String withoutEcdh = table(7).lines().filter(l -> !l.startsWith("ecdh-combine-share"))
        .collect(Collectors.joining("\n"));
    assertThatThrownBy(() -> CpuCosts.parse("t.tsv", withoutEcdh))
        .hasMessage("t.tsv: no cost for [ecdh-combine-share]");
  }

  @Test
  void aBadLineIsRefusedWithItsFileAndLine() {
    assertThatThrownBy(() -> CpuCosts.parse("t.tsv", table(7) + "ecdsa-sign-share\t1\n"))
        .hasMessage("t.tsv:29: ecdsa-sign-share listed twice");
    assertThatThrownBy(() -> CpuCosts.parse("t.tsv", "# x\nfrobnicate\t3\n"))
        .hasMessage("t.tsv:2: unknown operation 'frobnicate'");
    assertThatThrownBy(() -> CpuCosts.parse("t.tsv", "bls-sign-share\tfast\n"))
        .hasMessage("t.tsv:1: bls-sign-share: nanoseconds must be a whole number, not 'fast'");
    assertThatThrownBy(() -> CpuCosts.parse("t.tsv", "bls-sign-share\t-4\n"))
        .hasMessage("t.tsv:1: bls-sign-share: -4 ns is outside 0 .. 60 s");
    assertThatThrownBy(() -> CpuCosts.parse("t.tsv", "bls-sign-share 4\n"))
        .hasMessageStartingWith("t.tsv:1: expected 'operation<TAB>nanoseconds'");
  }

  @Test
  void aTableFileThatCannotBeReadIsNamed(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("nope.tsv");
    assertThatThrownBy(() -> CpuCosts.load(missing)).hasMessageStartingWith(missing
        + ": cannot read the CPU cost table");
    Path good = Files.writeString(dir.resolve("costs.tsv"), table(3));
    assertThat(CpuCosts.load(good).nanos(CpuOp.EXECUTE_MESSAGE)).isEqualTo(3);
  }
}
