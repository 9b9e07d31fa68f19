package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a transcript from the dealings and complaints a block (or the test) collected, and
 * re-verifies a transcript received from elsewhere. Deterministic: the result depends only on the
 * set of inputs, not on their order, so every honest node builds the same transcript.
 *
 * <p>Rules: a dealing that fails {@link DealingValidator} is excluded ({@code INVALID_DEALING});
 * a dealer with two different dealings is excluded ({@code DUPLICATE_DEALING}); a dealer with an
 * upheld complaint is excluded ({@code UPHELD_COMPLAINT}, reporter = complainer); a rejected
 * complaint blames its complainer ({@code FALSE_COMPLAINT}) and changes nothing else. The first
 * {@code collectionThreshold} remaining dealings by dealer index form the transcript.
 *
 * <p>Dealings and complaints are assumed authenticated by the layer that carries them (the IC
 * signs them with the node's signing key and includes them in blocks); the dealer and complainer
 * indices inside them are trusted to name the sender.
 */
public final class TranscriptBuilder {
  private TranscriptBuilder() {}

  private static final Comparator<byte[]> BYTES = Arrays::compare;

  /**
   * @throws InsufficientDealingsException if fewer than the collection threshold remain
   */
  public static Transcript build(DkgConfig config, Collection<Dealing> dealings, Collection<Complaint> complaints) {
    TreeSet<Attribution> attributions = new TreeSet<>();
    TreeMap<Integer, Dealing> byDealer = new TreeMap<>();
    TreeSet<Integer> excluded = new TreeSet<>();
    // Canonical order of the inputs: by encoding.
    List<Dealing> sortedDealings = new ArrayList<>(dealings);
    sortedDealings.sort(Comparator.comparing(Dealing::toBytes, BYTES));
    for (Dealing d : sortedDealings) {
      int dealer = d.dealerIndex();
      if (!DealingValidator.isValid(config, d)) {
        if (dealer < config.dealerCount()) {
          attributions.add(new Attribution(Attribution.Kind.INVALID_DEALING, dealer, 0));
          excluded.add(dealer);
        }
        continue;
      }
      Dealing previous = byDealer.putIfAbsent(dealer, d);
      if (previous != null && !previous.equals(d)) {
        attributions.add(new Attribution(Attribution.Kind.DUPLICATE_DEALING, dealer, 0));
        excluded.add(dealer);
      }
    }
    List<Complaint> sortedComplaints = new ArrayList<>(complaints);
    sortedComplaints.sort(Comparator.comparing(Complaint::toBytes, BYTES));
    for (Complaint c : sortedComplaints) {
      Dealing accused = byDealer.get(c.dealerIndex());
      if (accused == null || c.complainerIndex() >= config.receiverCount()) {
        continue; // nothing to judge: no such dealing, or not a receiver of this DKG
      }
      ComplaintVerdict verdict = ComplaintVerifier.verify(config, accused, c);
      if (verdict.isUpheld()) {
        attributions.add(new Attribution(Attribution.Kind.UPHELD_COMPLAINT, c.dealerIndex(), c.complainerIndex()));
        excluded.add(c.dealerIndex());
      } else {
        attributions.add(new Attribution(Attribution.Kind.FALSE_COMPLAINT, c.complainerIndex(), c.dealerIndex()));
      }
    }
    TreeMap<Integer, Dealing> chosen = new TreeMap<>();
    int available = 0;
    for (Map.Entry<Integer, Dealing> e : byDealer.entrySet()) {
      if (excluded.contains(e.getKey())) {
        continue;
      }
      available++;
      if (chosen.size() < config.collectionThreshold()) {
        chosen.put(e.getKey(), e.getValue());
      }
    }
    List<Attribution> attributionList = List.copyOf(attributions);
    if (chosen.size() < config.collectionThreshold()) {
      throw new InsufficientDealingsException(config.collectionThreshold(), available, attributionList);
    }
    PublicCoefficients pc = combineCommitments(config, chosen);
    return new Transcript(
        config.dkgIdNoCopy(), config.threshold(), config.receiverCount(), config.isResharing(),
        List.copyOf(chosen.values()), attributionList, pc);
  }

  /**
   * Checks that a transcript (e.g. decoded from a catch-up package) follows from the config: same
   * id, threshold, receivers and kind; exactly collection-threshold dealings, each valid; and the
   * public coefficients recomputed from them.
   *
   * @throws InvalidTranscriptException naming the first mismatch
   * @throws InvalidDealingException if an included dealing is invalid
   */
  public static void verify(DkgConfig config, Transcript transcript) {
    if (!transcript.isFor(config)) {
      throw new InvalidTranscriptException("transcript is for another DKG id");
    }
    if (transcript.threshold() != config.threshold()
        || transcript.receiverCount() != config.receiverCount()
        || transcript.isResharing() != config.isResharing()) {
      throw new InvalidTranscriptException(
          "transcript parameters " + transcript + " do not match " + config);
    }
    if (transcript.dealings().size() != config.collectionThreshold()) {
      throw new InvalidTranscriptException(
          "transcript has " + transcript.dealings().size() + " dealings, collection threshold is "
              + config.collectionThreshold());
    }
    TreeMap<Integer, Dealing> byDealer = new TreeMap<>();
    for (Dealing d : transcript.dealings()) {
      DealingValidator.verify(config, d);
      byDealer.put(d.dealerIndex(), d);
    }
    for (Attribution a : transcript.attributions()) {
      if (a.blamesDealer() && byDealer.containsKey(a.accused())) {
        throw new InvalidTranscriptException("dealer " + a.accused() + " is both blamed and included");
      }
    }
    if (!combineCommitments(config, byDealer).equals(transcript.publicCoefficients())) {
      throw new InvalidTranscriptException("public coefficients do not follow from the dealings");
    }
  }

  private static PublicCoefficients combineCommitments(DkgConfig config, TreeMap<Integer, Dealing> chosen) {
    if (!config.isResharing()) {
      return PublicCoefficients.sum(chosen.values().stream().map(Dealing::commitment).toList());
    }
    TreeMap<Integer, PublicCoefficients> byDealer = new TreeMap<>();
    chosen.forEach((dealer, d) -> byDealer.put(dealer, d.commitment()));
    PublicCoefficients pc = PublicCoefficients.interpolateAtZero(byDealer);
    PublicCoefficients old = config.resharedKey().orElseThrow();
    if (!pc.publicKey().equals(old.publicKey())) {
      // Unreachable with validated dealings: each constant term is the dealer's old key share.
      throw new IllegalStateException("resharing changed the public key");
    }
    return pc;
  }
}
