;; Asks the management canister (aaaaa-aa) for chain-key results as itself: each of its update
;; methods calls the management method of the same name (written here: msg_method_name_* is for
;; canister_inspect_message only) with its own Candid argument (so the
;; management canister derives for this canister, the caller it sees) and replies with the
;; management canister's Candid reply, or rejects with its reject message.
(module
  (import "ic0" "msg_arg_data_size" (func $arg_size (result i32)))
  (import "ic0" "msg_arg_data_copy" (func $arg_copy (param i32 i32 i32)))
  (import "ic0" "msg_reject_msg_size" (func $reject_size (result i32)))
  (import "ic0" "msg_reject_msg_copy" (func $reject_copy (param i32 i32 i32)))
  (import "ic0" "msg_reply_data_append" (func $append (param i32 i32)))
  (import "ic0" "msg_reply" (func $reply))
  (import "ic0" "msg_reject" (func $reject (param i32 i32)))
  (import "ic0" "call_new" (func $call_new (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "ic0" "call_data_append" (func $call_append (param i32 i32)))
  (import "ic0" "call_perform" (func $perform (result i32)))
  ;; 0..127: the management methods' names; 1024..: the argument, then the reply or reject message
  (memory 4)
  (table 2 funcref)
  (elem (i32.const 0) $on_reply $on_reject)
  (data (i32.const 0) "sign_with_ecdsa")
  (data (i32.const 32) "ecdsa_public_key")
  (data (i32.const 64) "vetkd_derive_key")
  (data (i32.const 96) "vetkd_public_key")

  (func $forward (param $name i32) (param $len i32)
    (if (i32.gt_u (call $arg_size) (i32.const 200000)) (then (unreachable)))
    (call $arg_copy (i32.const 1024) (i32.const 0) (call $arg_size))
    ;; the management canister is the empty principal
    (call $call_new (i32.const 0) (i32.const 0) (local.get $name) (local.get $len)
      (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 0))
    (call $call_append (i32.const 1024) (call $arg_size))
    (if (call $perform) (then (unreachable))))
  (func (export "canister_update sign_with_ecdsa") (call $forward (i32.const 0) (i32.const 15)))
  (func (export "canister_update ecdsa_public_key") (call $forward (i32.const 32) (i32.const 16)))
  (func (export "canister_update vetkd_derive_key") (call $forward (i32.const 64) (i32.const 16)))
  (func (export "canister_update vetkd_public_key") (call $forward (i32.const 96) (i32.const 16)))

  (func $on_reply (param i32)
    (if (i32.gt_u (call $arg_size) (i32.const 200000)) (then (unreachable)))
    (call $arg_copy (i32.const 1024) (i32.const 0) (call $arg_size))
    (call $append (i32.const 1024) (call $arg_size))
    (call $reply))
  (func $on_reject (param i32)
    (if (i32.gt_u (call $reject_size) (i32.const 200000)) (then (unreachable)))
    (call $reject_copy (i32.const 1024) (i32.const 0) (call $reject_size))
    (call $reject (i32.const 1024) (call $reject_size))))
