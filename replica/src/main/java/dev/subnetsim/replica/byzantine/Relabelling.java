package dev.subnetsim.replica.byzantine;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Typed relabelling of the replica-level messages an {@code arbitrary} node sends: an honest
 * message moved to another request id or signer (chain-key shares), another reshare, key or dealer
 * (resharing dealings), another key, instance or transcript (presignature dealings), or another
 * height (stream slices). The content stays the honest one, so only a check that binds it to its
 * label can refuse it. Consensus artifacts are relabelled typed in {@code consensus.byzantine}.
 */
final class Relabelling {
  private static final String[] KEY_IDS = {"ecdsa:secp256k1", "ecdsa:secp256r1", "schnorr:bip340",
      "schnorr:ed25519", "vetkd", "ecdh", "document"};
  private static final String[] TRANSCRIPTS = {"kappa", "lambda", "kappa-unmasked", "key-times-lambda",
      "kappa-times-lambda", "nonce"};

  private Relabelling() {}

  /** The message relabelled, or empty if this kind has no typed relabelling or does not decode. */
  static Optional<byte[]> of(MessageKind kind, byte[] payload, RandomGenerator r) {
    try {
      return switch (kind) {
        case CHAINKEY_SHARE -> {
          ChainKeyShareMessage m = ChainKeyShareMessage.decode(payload);
          yield Optional.of((r.nextBoolean()
              ? new ChainKeyShareMessage(m.requestId() + r.nextLong(-3, 4), m.signer(), m.share())
              : new ChainKeyShareMessage(m.requestId(), r.nextInt(0, 64), m.share())).encode());
        }
        case RESHARE_DEALING, PRESIGNATURE_DEALING, XNET_SLICE ->
            Optional.of(relabel(PayloadItem.decode(payload), r).encode());
        default -> Optional.empty();
      };
    } catch (RuntimeException e) {
      return Optional.empty(); // not the honest format: nothing typed to relabel
    }
  }

  private static PayloadItem relabel(PayloadItem item, RandomGenerator r) {
    if (item instanceof PayloadItem.ReshareDealing d) {
      return switch (r.nextInt(3)) {
        case 0 -> new PayloadItem.ReshareDealing(d.reshare() + 1, d.keyId(), d.dealer(), d.dealing());
        case 1 -> new PayloadItem.ReshareDealing(d.reshare(), KEY_IDS[r.nextInt(KEY_IDS.length)],
            d.dealer(), d.dealing());
        default -> new PayloadItem.ReshareDealing(d.reshare(), d.keyId(), r.nextInt(0, 64),
            d.dealing());
      };
    } else if (item instanceof PayloadItem.PresignatureDealing d) {
      return switch (r.nextInt(3)) {
        case 0 -> new PayloadItem.PresignatureDealing(d.keyId(), d.instance() + r.nextLong(-2, 3),
            d.transcript(), d.dealer(), d.dealing());
        case 1 -> new PayloadItem.PresignatureDealing(KEY_IDS[r.nextInt(KEY_IDS.length)],
            d.instance(), d.transcript(), d.dealer(), d.dealing());
        default -> new PayloadItem.PresignatureDealing(d.keyId(), d.instance(),
            TRANSCRIPTS[r.nextInt(TRANSCRIPTS.length)], d.dealer(), d.dealing());
      };
    } else if (item instanceof PayloadItem.XNet x) {
      XNetSlice s = x.slice();
      long height = r.nextBoolean() ? s.height() + r.nextLong(-3, 4) : s.height() + (1L << 40);
      return new PayloadItem.XNet(new XNetSlice(s.source(), height, s.signature(), s.witness()));
    }
    return item;
  }
}
