/**
 * Candid, the IC's interface description language, as far as the example canisters need it: the
 * binary format of argument and reply tuples (the Candid specification, "Binary Format") for
 * {@code null}, {@code bool}, {@code nat}, {@code nat64}, {@code text}, {@code blob} and
 * {@code opt} of those, so agent-js and other IC clients can call the canisters.
 */
package dev.subnetsim.replica.candid;
