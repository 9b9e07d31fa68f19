package dev.subnetsim.replica.chainkey.presig;

import java.util.List;

/**
 * The IDKG instances that make one presignature, in dependency order (dfinity/ic
 * rs/consensus/src/idkg/spec.md, "pre-signatures"; Groth-Shoup eprint 2022/506 section 7). ECDSA:
 * kappa masked and lambda masked are Random; kappa is the unmasked reshare of kappa masked (so its
 * constant term R = kappa*G becomes public); key*lambda and kappa*lambda are UnmaskedTimesMasked
 * products: three rounds, since kappa*lambda needs kappa. Schnorr: one RandomUnmasked nonce.
 */
public enum PresignatureRecipe {
  ECDSA(List.of(
      new Step("kappa-masked", Step.Kind.RANDOM_MASKED, List.of()),
      new Step("lambda", Step.Kind.RANDOM_MASKED, List.of()),
      new Step("kappa", Step.Kind.RESHARE, List.of("kappa-masked")),
      new Step("key-lambda", Step.Kind.PRODUCT, List.of(Step.KEY, "lambda")),
      new Step("kappa-lambda", Step.Kind.PRODUCT, List.of("kappa", "lambda")))),
  SCHNORR(List.of(new Step("nonce", Step.Kind.RANDOM_UNMASKED, List.of())));

  /**
   * One transcript of the recipe: its name, how it is dealt and the transcripts it is dealt from
   * ({@link #KEY} is the signing key's transcript).
   */
  public record Step(String name, Kind kind, List<String> inputs) {
    public static final String KEY = "key";

    public enum Kind { RANDOM_MASKED, RANDOM_UNMASKED, RESHARE, PRODUCT }
  }

  private final List<Step> steps;

  PresignatureRecipe(List<Step> steps) {
    this.steps = steps;
  }

  public List<Step> steps() {
    return steps;
  }

  public Step step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no transcript '" + name + "' in a "
            + this + " presignature"));
  }

  public boolean has(String name) {
    return steps.stream().anyMatch(s -> s.name().equals(name));
  }

  /** The recipe of a key id ({@code ecdsa/<CURVE>} or {@code schnorr/<ALGORITHM>}). */
  public static PresignatureRecipe of(String keyId) {
    return keyId.startsWith("ecdsa/") ? ECDSA : SCHNORR;
  }
}
