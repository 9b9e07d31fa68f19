package dev.subnetsim.chainkey.idkg;

/** A dealing that fails public verification, attributed to its dealer. */
public final class InvalidDealingException extends Exception {
  private final int dealer;

  public InvalidDealingException(int dealer, String reason) {
    super("dealing of dealer " + dealer + ": " + reason);
    this.dealer = dealer;
  }

  public int dealer() {
    return dealer;
  }
}
