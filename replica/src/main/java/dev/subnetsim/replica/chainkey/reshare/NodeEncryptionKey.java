package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.idkg.IdkgReceiverKey;
import java.util.EnumMap;
import java.util.Map;

/**
 * One node's secret encryption keys (its IDKG key per curve and its DKG receiver key), held by
 * that node's replica alone: it decrypts only its own shares with them.
 */
public record NodeEncryptionKey(int index, Map<EcCurve, IdkgReceiverKey> idkg,
    ReceiverKeyPair dkg) {
  public NodeEncryptionKey {
    idkg = java.util.Collections.unmodifiableMap(new EnumMap<>(idkg));
  }

  public IdkgReceiverKey idkg(EcCurve curve) {
    return idkg.get(curve);
  }

  @Override
  public String toString() {
    return "NodeEncryptionKey[index=" + index + ", <secret>]";
  }
}
