;; A 64-bit memory (as Motoko 4.x emits): the runtime must refuse to load it.
(module (memory i64 1) (func (export "canister_update f")))
