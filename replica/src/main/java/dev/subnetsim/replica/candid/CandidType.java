package dev.subnetsim.replica.candid;

/** The Candid types this codec reads and writes. */
public sealed interface CandidType {
  /** A primitive type by its (negative) type code. */
  enum Primitive implements CandidType {
    NULL(-1), BOOL(-2), NAT(-3), NAT64(-8), TEXT(-15);

    final int code;

    Primitive(int code) {
      this.code = code;
    }

    static Primitive ofCode(long code) {
      for (Primitive p : values()) {
        if (p.code == code) {
          return p;
        }
      }
      return null;
    }
  }

  /** {@code opt T}. */
  record Opt(CandidType inner) implements CandidType {}

  /** {@code vec nat8}, written {@code blob}. */
  record Blob() implements CandidType {}

  CandidType TEXT = Primitive.TEXT;
  CandidType NAT64 = Primitive.NAT64;
  CandidType NAT = Primitive.NAT;
  CandidType BOOL = Primitive.BOOL;
  CandidType NULL = Primitive.NULL;
  CandidType BLOB = new Blob();

  static CandidType opt(CandidType inner) {
    return new Opt(inner);
  }
}
