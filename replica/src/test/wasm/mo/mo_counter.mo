// A Motoko counter: the count is a stable variable, kept across upgrades in stable memory.
actor {
  stable var count : Nat = 0;

  public func inc() : async Nat {
    count += 1;
    count
  };

  public query func get() : async Nat {
    count
  };
};
