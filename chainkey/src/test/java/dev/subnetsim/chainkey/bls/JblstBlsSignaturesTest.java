package dev.subnetsim.chainkey.bls;

/** Runs the {@link BlsSignaturesContractTest} against the blst-backed implementation. */
class JblstBlsSignaturesTest extends BlsSignaturesContractTest {

  private final BlsSignatures bls = new JblstBlsSignatures();

  @Override
  protected BlsSignatures bls() {
    return bls;
  }
}
