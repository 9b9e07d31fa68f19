package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * One IDKG instance run in one place, each party using only its own secrets: every dealer deals
 * with its own randomness and its own source openings, dealings are publicly verified (invalid ones
 * dropped and attributed), the transcript is built, and every receiver decrypts with its own key,
 * complains about dealings it cannot open and recovers those shares from the others' openings.
 * Used at genesis and by tests; inside replicas the same steps run over consensus.
 */
public final class IdkgRound {
  private IdkgRound() {}

  /** The transcript, each receiver's opening, and who misbehaved. */
  public record Result(IdkgTranscripts.Built built, SortedMap<Integer, CommitmentOpening> openings,
      List<InvalidDealingException> rejectedDealings, List<Integer> complainers) {}

  /**
   * @param sourceOpenings a dealer's openings of the source transcripts (empty for Random kinds)
   * @param receiverKeys each receiver's secret key (only receiver i's is used for receiver i)
   * @param tamper lets a test replace a dealer's dealing (Byzantine dealers); identity if honest
   */
  public static Result run(IdkgParams p, IntFunction<List<CommitmentOpening>> sourceOpenings,
      IntFunction<IdkgReceiverKey> receiverKeys, SeededRandom rng,
      java.util.function.UnaryOperator<IdkgDealing> tamper) {
    List<IdkgDealing> verified = new ArrayList<>();
    List<InvalidDealingException> rejected = new ArrayList<>();
    for (int dealer : p.dealers()) {
      IdkgDealing d = tamper.apply(IdkgDealer.deal(p, dealer, sourceOpenings.apply(dealer),
          rng.fork("dealer-" + dealer)));
      try {
        IdkgDealingVerifier.verify(p, d);
        verified.add(d);
      } catch (InvalidDealingException e) {
        rejected.add(e);
      }
    }
    IdkgTranscripts.Built built = IdkgTranscripts.create(p, verified);
    TreeMap<Integer, CommitmentOpening> openings = new TreeMap<>();
    TreeMap<Integer, TreeMap<Integer, CommitmentOpening>> perDealing = new TreeMap<>();
    List<IdkgComplaint> complaints = new ArrayList<>();
    // Every receiver multiplies each dealing's ephemeral key by its secret: comb tables for them,
    // dropped with this round (the dealings themselves may be kept long).
    List<EcPoint> ephemerals = built.dealings().stream()
        .map(d -> d.ephemeral().withFixedBaseTable()).toList();
    for (int r : p.receivers()) {
      for (int j = 0; j < built.dealings().size(); j++) {
        IdkgDealing d = built.dealings().get(j);
        var o = IdkgReceiver.openingFrom(p, d, r,
            ephemerals.get(j).mul(receiverKeys.apply(r).secret()));
        if (o.isPresent()) {
          perDealing.computeIfAbsent(d.dealer(), k -> new TreeMap<>()).put(r, o.get());
        } else {
          complaints.add(IdkgReceiver.complain(p, d, r, receiverKeys.apply(r),
              rng.fork("complaint-" + r + "-" + d.dealer())));
        }
      }
    }
    List<Integer> complainers = new ArrayList<>();
    for (IdkgComplaint c : complaints) {
      IdkgDealing d = built.dealings().stream().filter(x -> x.dealer() == c.dealer()).findFirst()
          .orElseThrow();
      if (!c.isValid(p, d)) {
        continue;
      }
      complainers.add(c.complainer());
      List<IdkgOpening> answers = new ArrayList<>();
      perDealing.getOrDefault(d.dealer(), new TreeMap<>()).forEach((opener, o) ->
          answers.add(IdkgReceiver.open(p, d, opener, o)));
      perDealing.computeIfAbsent(d.dealer(), k -> new TreeMap<>())
          .put(c.complainer(), IdkgReceiver.recover(p, d, c.complainer(), answers));
    }
    for (int r : p.receivers()) {
      List<CommitmentOpening> mine = new ArrayList<>();
      for (IdkgDealing d : built.dealings()) {
        mine.add(perDealing.get(d.dealer()).get(r));
      }
      CommitmentOpening o = IdkgTranscripts.combine(p, built, mine);
      if (!o.opens(built.transcript().commitment(), r)) {
        throw new IllegalStateException("receiver " + r + "'s opening fails the transcript");
      }
      openings.put(r, o);
    }
    return new Result(built, openings, rejected, complainers);
  }
}
