/**
 * What a replica answers outside consensus: users' signed queries, run on the latest state the
 * subnet has certified and answered with that state's data certificate, and the root subnet's
 * certificate delegation that makes a non-root subnet's certificates verify under the root key
 * (interface spec, "Certification" and "Delegation"; the IC replica fetches it from the NNS).
 */
package dev.subnetsim.replica.query;
