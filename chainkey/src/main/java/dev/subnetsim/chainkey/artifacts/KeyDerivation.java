package dev.subnetsim.chainkey.artifacts;

import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.List;

/**
 * What an {@code ecdsa} or {@code schnorr} line's public key is derived from (docs/FORMATS.md, "IC
 * key derivation"): the master public key, the master chain code, the canister id (text) and the
 * derivation path. Logged as the fields {@code master_public_key}, {@code chain_code}, {@code
 * canister_id}, {@code derivation_path}.
 */
public record KeyDerivation(
    Bytes masterPublicKey, Bytes chainCode, String canisterId, List<Bytes> derivationPath) {

  public KeyDerivation {
    derivationPath = List.copyOf(derivationPath);
  }
}
