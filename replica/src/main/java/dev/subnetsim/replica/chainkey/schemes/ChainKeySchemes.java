package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/** The management methods a subnet serves, by method name, for the keys it holds. */
public final class ChainKeySchemes {
  private ChainKeySchemes() {}

  /** One scheme per held key family (a subnet holding reshared keys may hold only some). */
  public static Map<String, ChainKeyScheme> forKeys(SubnetChainKeys k) {
    Map<String, ChainKeyScheme> schemes = new LinkedHashMap<>();
    if (k.vetKdKey() != null) {
      schemes.put("vetkd_derive_key", new VetKdScheme(k.vetKdKey()));
    }
    if (!k.ecdhKeys().isEmpty()) {
      schemes.put("ecdh_derive", new EcdhScheme(k.ecdhKeys()));
    }
    if (k.documentServerKey() != null) {
      schemes.put("document_key_shadows", new DocumentKeyScheme(k.documentServerKey()));
    }
    if (!k.signing().ecdsaKeys().isEmpty()) {
      schemes.put("sign_with_ecdsa", new EcdsaScheme(k.signing()));
    }
    if (!k.signing().schnorrKeys().isEmpty()) {
      schemes.put("sign_with_schnorr", new SchnorrScheme(k.signing()));
    }
    return schemes;
  }
}
