;; Loops forever (or recurses forever) after changing its memory: the instruction limit must stop
;; it at the same instruction on every replica and roll the change back.
(module
  (import "ic0" "msg_reply_data_append" (func $append (param i32 i32)))
  (import "ic0" "msg_reply" (func $reply))
  (memory 1)
  (func $recurse (param i64) (result i64)
    (i64.add (call $recurse (i64.add (local.get 0) (i64.const 1))) (i64.const 1)))
  (func (export "canister_update spin")
    (i64.store (i32.const 0) (i64.add (i64.load (i32.const 0)) (i64.const 1)))
    (loop $forever (br $forever)))
  (func (export "canister_update recurse")
    (i64.store (i32.const 0) (i64.add (i64.load (i32.const 0)) (i64.const 1)))
    (drop (call $recurse (i64.const 0))))
  (func (export "canister_update count") (loop $l (br_if $l (i32.const 0)))
    (i64.store (i32.const 0) (i64.add (i64.load (i32.const 0)) (i64.const 1)))
    (call $append (i32.const 0) (i32.const 8)) (call $reply))
  (func (export "canister_query get") (call $append (i32.const 0) (i32.const 8)) (call $reply)))
