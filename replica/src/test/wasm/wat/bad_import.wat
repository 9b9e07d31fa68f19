;; Imports a function the system API does not have: refused at load.
(module (import "ic0" "launch_missiles" (func (param i32))) (func (export "canister_update f")))
