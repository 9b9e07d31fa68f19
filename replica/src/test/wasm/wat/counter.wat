;; A counter canister: the count lives in Wasm memory (address 0) and a mutable global, so the
;; tests see both persisted across messages and rolled back on a trap.
(module
  (import "ic0" "msg_arg_data_size" (func $arg_size (result i32)))
  (import "ic0" "msg_arg_data_copy" (func $arg_copy (param i32 i32 i32)))
  (import "ic0" "msg_caller_size" (func $caller_size (result i32)))
  (import "ic0" "msg_caller_copy" (func $caller_copy (param i32 i32 i32)))
  (import "ic0" "msg_reply_data_append" (func $append (param i32 i32)))
  (import "ic0" "msg_reply" (func $reply))
  (import "ic0" "msg_reject" (func $reject (param i32 i32)))
  (import "ic0" "accept_message" (func $accept))
  (import "ic0" "certified_data_set" (func $certify (param i32 i32)))
  (import "ic0" "debug_print" (func $print (param i32 i32)))
  (import "ic0" "trap" (func $trap (param i32 i32)))
  (import "ic0" "time" (func $time (result i64)))
  (import "ic0" "canister_self_size" (func $self_size (result i32)))
  (import "ic0" "canister_self_copy" (func $self_copy (param i32 i32 i32)))
  (import "ic0" "call_new" (func $call_new (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "ic0" "performance_counter" (func $perf (param i32) (result i64)))
  (memory 1)
  (global $calls (mut i64) (i64.const 0))
  (data (i32.const 100) "counted")
  (data (i32.const 120) "no such thing")
  (data (i32.const 140) "inc")

  ;; count += 1 in memory and in the global, certify it
  (func $bump
    (i64.store (i32.const 0) (i64.add (i64.load (i32.const 0)) (i64.const 1)))
    (global.set $calls (i64.add (global.get $calls) (i64.const 1)))
    (call $certify (i32.const 0) (i32.const 8)))

  (func $reply_count
    (call $append (i32.const 0) (i32.const 8))
    (call $reply))

  (func $init (export "canister_init")
    ;; an 8-byte argument sets the starting count
    (if (i32.eq (call $arg_size) (i32.const 8))
      (then (call $arg_copy (i32.const 0) (i32.const 0) (i32.const 8)))))

  (func (export "canister_update inc")
    (call $bump)
    (call $print (i32.const 100) (i32.const 7))
    (call $reply_count))

  (func (export "canister_query get") (call $reply_count))

  (func (export "canister_query calls")
    (i64.store (i32.const 8) (global.get $calls))
    (call $append (i32.const 8) (i32.const 8))
    (call $reply))

  (func (export "canister_update whoami")
    (call $caller_copy (i32.const 16) (i32.const 0) (call $caller_size))
    (call $append (i32.const 16) (call $caller_size))
    (call $reply))

  (func (export "canister_update reject")
    (call $bump)
    (call $reject (i32.const 120) (i32.const 13)))

  ;; changes, then traps: everything must be rolled back
  (func (export "canister_update inc_then_trap")
    (call $bump)
    (call $trap (i32.const 120) (i32.const 13)))

  (func (export "canister_update inc_then_divide_by_zero")
    (call $bump)
    (drop (i32.div_s (i32.const 1) (i32.sub (i32.const 1) (i32.const 1)))))

  (func (export "canister_update inc_then_out_of_bounds")
    (call $bump)
    (drop (i64.load (i32.const 70000))))

  ;; forbidden calls: accept_message only in canister_inspect_message, certified_data_set and
  ;; call_new not in queries, msg_reply twice
  (func (export "canister_update accept") (call $accept) (call $reply_count))
  (func (export "canister_query certify") (call $certify (i32.const 0) (i32.const 8)) (call $reply_count))
  (func (export "canister_query call")
    (call $self_copy (i32.const 16) (i32.const 0) (call $self_size))
    (call $call_new (i32.const 16) (call $self_size) (i32.const 140) (i32.const 3)
      (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))
    (call $reply_count))
  (func (export "canister_update reply_twice") (call $bump) (call $reply_count) (call $reply_count))

  (func (export "canister_update time")
    (i64.store (i32.const 8) (call $time))
    (call $append (i32.const 8) (i32.const 8))
    (call $reply))

  (func (export "canister_update perf")
    (i64.store (i32.const 8) (call $perf (i32.const 0)))
    (call $append (i32.const 8) (i32.const 8))
    (call $reply)))
