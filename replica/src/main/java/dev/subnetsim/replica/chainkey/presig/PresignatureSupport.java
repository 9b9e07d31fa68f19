package dev.subnetsim.replica.chainkey.presig;

import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgComplaint;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.chainkey.presig.PresignatureDealer.Blame;
import dev.subnetsim.replica.chainkey.presig.PresignatureDealer.Effects;
import dev.subnetsim.replica.chainkey.presig.PresignatureRecipe.Step;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One replica's complaints and openings for presignature dealings (outside the replicated state):
 * it blames the dealer of a dealing its share of which does not decrypt and proposes a complaint
 * (put in a block by this replica when it makes one; not gossiped); for every upheld complaint
 * about a dealing of a transcript still kept, it proposes its own opening of that dealing. Each
 * item is withdrawn once the state records it or no longer keeps its transcript.
 */
final class PresignatureSupport {
  private final int self;
  private final Presignatures presignatures;
  private final NodePresignatureShares shares;
  private final SeededRandom rng;
  /** Proposed items by state record name, with where they belong. */
  private final TreeMap<String, Proposed> proposed = new TreeMap<>();

  private record Proposed(String keyId, long instance, String transcript, byte[] item) {}

  PresignatureSupport(int self, Presignatures presignatures, NodePresignatureShares shares,
      SeededRandom rng) {
    this.self = self;
    this.presignatures = presignatures;
    this.shares = shares;
    this.rng = rng;
  }

  void afterExecution(ReplicatedState state, Effects effects) {
    for (var e : new ArrayList<>(proposed.entrySet())) {
      Proposed p = e.getValue();
      if (state.presignatureRecords().containsKey(e.getKey())
          || !presignatures.isBuilt(state, p.keyId(), p.instance(), p.transcript())) {
        effects.withdraw().add(p.item());
        proposed.remove(e.getKey());
      }
    }
    for (var u : shares.drainUndecryptable()) {
      effects.rejections().add(new Blame(u.dealer(), "presignature dealing for "
          + u.transcriptId() + " does not decrypt to an opening of its commitment for node "
          + self + "; complaining through consensus"));
      complain(state, u, effects);
    }
    for (String keyId : presignatures.keyIds()) {
      if (!presignatures.refills(keyId)) {
        continue;
      }
      for (long instance : presignatures.complainedInstances(state, keyId)) {
        for (Step step : PresignatureRecipe.of(keyId).steps()) {
          open(state, keyId, instance, step.name(), effects);
        }
      }
    }
  }

  private void complain(ReplicatedState state, NodePresignatureShares.Undecryptable u,
      Effects effects) {
    Optional<Presignatures.Built> b = presignatures.built(state, u.keyId(), u.instance(),
        u.transcript());
    Optional<IdkgDealing> d = b.flatMap(x -> PresignatureComplaints.dealing(x, u.dealer()));
    String record = PresignatureComplaints.complaintRecord(u.keyId(), u.instance(),
        u.transcript(), u.dealer(), self);
    if (d.isEmpty() || state.presignatureRecords().containsKey(record)) {
      return;
    }
    IdkgComplaint c = shares.complain(b.get().params(), d.get(),
        rng.fork("complaint/" + u.transcriptId() + "/" + u.dealer()));
    propose(record, new Proposed(u.keyId(), u.instance(), u.transcript(),
        new PayloadItem.PresignatureComplaint(u.keyId(), u.instance(), u.transcript(),
            u.dealer(), self, c.dh().encode(), c.proof().toBytes()).encode()), effects);
  }

  private void open(ReplicatedState state, String keyId, long instance, String transcript,
      Effects effects) {
    if (!presignatures.isBuilt(state, keyId, instance, transcript)) {
      return;
    }
    for (int dealer : presignatures.complained(state, keyId, instance, transcript)) {
      String record = PresignatureComplaints.openingRecord(keyId, instance, transcript, dealer,
          self);
      if (state.presignatureRecords().containsKey(record) || proposed.containsKey(record)) {
        continue;
      }
      Presignatures.Built b = presignatures.built(state, keyId, instance, transcript)
          .orElseThrow();
      IdkgDealing d = PresignatureComplaints.dealing(b, dealer).orElseThrow();
      Optional<CommitmentOpening> mine = shares.part(b, d);
      if (mine.isEmpty()) {
        continue; // this node could not decrypt it either (it complains instead)
      }
      byte[] mask = mine.get() instanceof CommitmentOpening.Pedersen ped
          ? ped.mask().toBytes() : new byte[0];
      propose(record, new Proposed(keyId, instance, transcript,
          new PayloadItem.PresignatureOpening(keyId, instance, transcript, dealer, self,
              mine.get().value().toBytes(), mask).encode()), effects);
    }
  }

  private void propose(String record, Proposed p, Effects effects) {
    if (proposed.putIfAbsent(record, p) == null) {
      effects.propose().add(p.item());
    }
  }
}
