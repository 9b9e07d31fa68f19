package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the identity canister's argument: [session key DER, u64 expiration
 * big-endian] in, the user's public key and the delegation's witness out; an expiration of any
 * other length is malformed.
 */
class IdentityCanisterBytesTest {
  private static final HexFormat HEX = HexFormat.of();
  private final CanisterTestBed bed = new CanisterTestBed();
  private final UserKeyPair user = bed.user("user");
  private final byte[] session = bed.user("session").publicKeyDer();

  private static String sha256(byte[] b) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private byte[] arg(String expirationHex) {
    return Fields.encode(session, HEX.parseHex(expirationHex));
  }

  @Test
  void aPreparedDelegationsKeyAndWitnessAreTheirKnownAnswers() {
    byte[] arg = arg("0102030405060708");
    RequestStatus prepared = bed.call(user, CanisterTestBed.IDENTITY, "prepare_delegation", arg);
    assertThat(prepared.status()).isEqualTo("replied");
    assertThat(sha256(prepared.reply())).isEqualTo(
        "2cb445faa3e830b922f81672e44959aab8b25706067891b1cc03ba3779ffe4e5");

    ExecutionResult got = bed.query(user, CanisterTestBed.IDENTITY, "get_delegation", arg);
    assertThat(got.outcome()).isInstanceOfSatisfying(ExecutionResult.Replied.class,
        r -> assertThat(sha256(r.data())).isEqualTo(
            "42bdbd9a78366ce316a063d9799e2e3dfbbe3e19975513d8474951f2150a1637"));
  }

  @Test
  void aDelegationIsFoundOnlyForTheExpirationItWasPreparedWith() {
    bed.call(user, CanisterTestBed.IDENTITY, "prepare_delegation", arg("0102030405060708"));
    ExecutionResult other = bed.query(user, CanisterTestBed.IDENTITY, "get_delegation",
        arg("0102030405060709"));
    assertThat(other.outcome()).isInstanceOfSatisfying(ExecutionResult.Rejected.class,
        r -> assertThat(r.message()).isEqualTo(
            "no delegation prepared for this caller and session key"));
  }

  @Test
  void anExpirationIsExactlyEightBytesElseMalformedBytesNamingIt() {
    assertThat(IdentityCanister.expiration(HEX.parseHex("8000000000000001")))
        .isEqualTo(Long.MIN_VALUE + 1);
    assertThatThrownBy(() -> IdentityCanister.expiration(new byte[7]))
        .isExactlyInstanceOf(MalformedBytesException.class)
        .hasMessage("expiration: nanos: truncated (need 8 bytes at offset 0, have 7)");
    assertThatThrownBy(() -> IdentityCanister.expiration(new byte[9]))
        .isExactlyInstanceOf(MalformedBytesException.class)
        .hasMessage("expiration: end: 1 trailing bytes after the encoding");
  }

  @Test
  void aShortExpirationTrapsTheUpdateNamingTheFieldAndTheQueryFindsNoDelegation() {
    RequestStatus prepared = bed.call(user, CanisterTestBed.IDENTITY, "prepare_delegation",
        arg("01020304050607"));
    assertThat(prepared.status()).isEqualTo("rejected");
    assertThat(prepared.rejectMessage()).endsWith("trapped: " + MalformedBytesException.class
        .getName() + ": expiration: nanos: truncated (need 8 bytes at offset 0, have 7)");

    ExecutionResult got = bed.query(user, CanisterTestBed.IDENTITY, "get_delegation",
        arg("01020304050607"));
    // As for any other malformed argument of the query.
    assertThat(got.outcome()).isInstanceOfSatisfying(ExecutionResult.Rejected.class,
        r -> assertThat(r.message()).isEqualTo(
            "no delegation prepared for this caller and session key"));
  }
}
