package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme;
import dev.subnetsim.replica.state.ChainKeyRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies chain-key shares, remembering results: verification is a pure function of the request,
 * the signer and the share bytes, so one cache may serve every simulated honest replica (each
 * replica verifies a share when it arrives and again when a block carrying it is executed). Keys are
 * SHA-256 digests of every input; lookups only, never iterated, so the map's order is irrelevant.
 */
public final class ShareVerifier {
  private final ConcurrentHashMap<String, Boolean> results;

  private ShareVerifier(ConcurrentHashMap<String, Boolean> results) {
    this.results = results;
  }

  /** A verifier with its own cache. */
  public static ShareVerifier create() {
    return new ShareVerifier(new ConcurrentHashMap<>());
  }

  public boolean verify(ChainKeyScheme scheme, ChainKeyRequest request, int signer, byte[] share) {
    return verify(null, scheme, request, signer, share);
  }

  /** As above, for a request pending in {@code state} (where a refilled presignature lives). */
  public boolean verify(dev.subnetsim.replica.state.ReplicatedState state, ChainKeyScheme scheme,
      ChainKeyRequest request, int signer, byte[] share) {
    String key = key(request, signer, share);
    Boolean cached = results.get(key);
    if (cached != null) {
      return cached;
    }
    boolean ok = scheme.verifyShare(state, request, signer, share);
    results.put(key, ok);
    if (results.size() > 200_000) {
      results.clear(); // bound memory on long runs; correctness does not depend on the cache
    }
    return ok;
  }

  static String key(ChainKeyRequest r, int signer, byte[] share) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(r.method().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      d.update(new BigEndianWriter(20).u64(r.id()).u64(r.caller().index()).u32(signer)
          .toBytes());
      d.update(r.arg());
      d.update(r.context());
      d.update(share);
      return java.util.HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
