package dev.subnetsim.replica.canisters;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.RoutingTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A subnet's execution with the example canisters and chain keys of 4 nodes, driven block by
 * block: users send signed ingress; pending chain-key requests are answered by each node computing
 * its share with its own key shares (real threshold cryptography), a threshold of which is put in
 * the next block, as the replicas' chain-key workers do. Consensus itself is left out: these tests
 * are about the canisters; the whole pipeline runs in the scenarios' simulation tests.
 */
final class CanisterTestBed {
  static final long S = 1_000_000_000L;
  static final long NOTES = 2;
  static final long SECRET_STORE = 3;
  static final long WALLET = 4;
  static final long MDL = 5;
  static final long IDENTITY = 6;
  /** A second canister running the mDL program: the curious canister of the ECDH tests. */
  static final long MDL_B = 7;
  /** A canister that calls any management method directly (DirectManagementCaller). */
  static final long STRANGER = 8;
  static final long PROXY = 9;
  static final int N = 4;

  final SeededRandom rng = SeededRandom.fromSeed(77);
  final ChainKeyGenesis keys = ChainKeyGenesis.generate("canisters", N, 4, 4, rng.fork("keys"));
  final SubnetExecution subnet = new SubnetExecution("canisters",
      RoutingTable.single("canisters", true),
      Map.of(EncryptedNotesCanister.NAME, new EncryptedNotesCanister(),
          SecretStoreCanister.NAME, new SecretStoreCanister(), WalletCanister.NAME, new WalletCanister(),
          MdlEcdhCanister.NAME, new MdlEcdhCanister(), IdentityCanister.NAME, new IdentityCanister(),
          DirectManagementCaller.NAME, new DirectManagementCaller(),
          ChainKeyProxyCanister.NAME, new ChainKeyProxyCanister()),
      Map.of(NOTES, EncryptedNotesCanister.NAME, SECRET_STORE, SecretStoreCanister.NAME,
          WALLET, WalletCanister.NAME, MDL, MdlEcdhCanister.NAME, IDENTITY, IdentityCanister.NAME,
          MDL_B, MdlEcdhCanister.NAME, STRANGER, DirectManagementCaller.NAME,
          PROXY, ChainKeyProxyCanister.NAME),
      Optional.of(keys), 8, rng.fork("workers"), slice -> false);
  final ReplicatedState state = subnet.genesisState();
  private long height;
  private long nonce;

  CanisterId canister(long number) {
    return subnet.canister(number);
  }

  UserKeyPair user(String name) {
    return UserKeyPair.generate(dev.subnetsim.replica.ingress.SignatureScheme.ED25519, rng.fork(name));
  }

  /** Sends a signed update call, runs blocks until it is answered, returns its final status. */
  RequestStatus call(UserKeyPair user, long canister, String method, byte[] arg) {
    return send(user.sign(message(user.principal(), canister, method, arg)));
  }

  /** An update call's content at the next block's time, with a fresh nonce. */
  IngressMessage message(dev.subnetsim.chainkey.ic.Principal sender, long canister, String method,
      byte[] arg) {
    long now = (height + 1) * S;
    return new IngressMessage(sender, canister(canister).toBytes(), method, arg, now + 60 * S,
        java.nio.ByteBuffer.allocate(8).putLong(nonce++).array());
  }

  /** The time of the next block. */
  long nextBlockTime() {
    return (height + 1) * S;
  }

  /**
   * Puts an already signed call in a block, runs blocks until it is answered, returns its final
   * status (null if execution refused it).
   */
  RequestStatus send(SignedIngress signed) {
    block(List.of(new PayloadItem.Ingress(signed).encode()));
    for (int i = 0; i < 5 && !state.chainKeyRequests().isEmpty(); i++) {
      block(answers());
    }
    return state.requestStatus(signed.message().requestId());
  }

  ExecutionResult query(UserKeyPair user, long canister, String method, byte[] arg) {
    return subnet.query(state, canister(canister), user.principal().toBytes(), method, arg);
  }

  private void block(List<byte[]> items) {
    height++;
    subnet.executor().execute(state, height, height * S, new byte[32], items);
  }

  /** Every pending request answered by a threshold of nodes, each using only its own shares. */
  private List<byte[]> answers() {
    List<byte[]> items = new ArrayList<>();
    for (ChainKeyRequest r : state.chainKeyRequests().values()) {
      var scheme = subnet.management().schemes().get(r.method());
      TreeMap<Integer, byte[]> shares = new TreeMap<>();
      for (int i = 0; i < scheme.threshold(); i++) {
        shares.put(i, scheme.createShare(r, keys.shares().get(i), rng.fork("share/" + r.id() + "/" + i)));
      }
      items.add(new PayloadItem.ChainKeyResponse(r.id(), shares).encode());
    }
    return items;
  }
}
