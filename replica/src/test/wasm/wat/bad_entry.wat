;; An update method that takes a parameter: entry points take and return nothing, refused at load.
(module (func (export "canister_update f") (param i32)))
