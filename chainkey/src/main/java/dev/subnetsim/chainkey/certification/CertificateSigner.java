package dev.subnetsim.chainkey.certification;

/**
 * Signs a certificate's message ({@link StateRootMessage}) and returns the 48-byte compressed G1
 * BLS signature. In the simulator this is the subnet's threshold-BLS combiner (shares from n-f
 * replicas combined); in tests, a plain BLS key.
 */
@FunctionalInterface
public interface CertificateSigner {
  byte[] sign(byte[] message);
}
