;; Version 1 of an upgradable counter: the count lives on the heap; pre_upgrade saves it to stable
;; memory (64-bit API), where version 2's post_upgrade finds it.
(module
  (import "ic0" "msg_reply_data_append" (func $append (param i32 i32)))
  (import "ic0" "msg_reply" (func $reply))
  (import "ic0" "stable64_size" (func $stable_size (result i64)))
  (import "ic0" "stable64_grow" (func $stable_grow (param i64) (result i64)))
  (import "ic0" "stable64_write" (func $stable_write (param i64 i64 i64)))
  (memory 1)
  (data (i32.const 16) "v1")
  (func (export "canister_update inc")
    (i64.store (i32.const 0) (i64.add (i64.load (i32.const 0)) (i64.const 1)))
    (call $append (i32.const 0) (i32.const 8)) (call $reply))
  (func (export "canister_query get") (call $append (i32.const 0) (i32.const 8)) (call $reply))
  (func (export "canister_query version") (call $append (i32.const 16) (i32.const 2)) (call $reply))
  (func (export "canister_pre_upgrade")
    (if (i64.eqz (call $stable_size)) (then (drop (call $stable_grow (i64.const 1)))))
    (call $stable_write (i64.const 0) (i64.const 0) (i64.const 8))))
