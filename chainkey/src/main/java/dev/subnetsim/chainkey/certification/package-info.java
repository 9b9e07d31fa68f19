/**
 * IC certification (interface spec, sections "Certification", "Lookup", "Delegation", "Canister
 * signatures"): hash trees ({@link dev.subnetsim.chainkey.certification.HashTree}, CBOR in
 * {@link dev.subnetsim.chainkey.certification.HashTreeCbor}, witnesses in
 * {@link dev.subnetsim.chainkey.certification.Witness}), certificates with and without a
 * delegation from the root subnet ({@link dev.subnetsim.chainkey.certification.Certificate},
 * {@link dev.subnetsim.chainkey.certification.CertificateBuilder},
 * {@link dev.subnetsim.chainkey.certification.CertificateVerifier}) and canister signatures
 * ({@link dev.subnetsim.chainkey.certification.CanisterSignatureIssuer},
 * {@link dev.subnetsim.chainkey.certification.CanisterSignatureVerifier}).
 *
 * <p>Byte formats are the IC's: agent-js 3.4.3 {@code Certificate.create} accepts the output
 * (CertificationAgentJsTest). Simplifications, each stated where it lives: the CBOR reader accepts
 * only the subset the IC emits (definite lengths, no negative integers or floats); the verifier
 * does not judge {@code /time} freshness (time is virtual; the caller compares
 * {@link dev.subnetsim.chainkey.certification.Certificate#time()}); the canister-signature issuer
 * keeps entries forever (Internet Identity expires them).
 */
package dev.subnetsim.chainkey.certification;
