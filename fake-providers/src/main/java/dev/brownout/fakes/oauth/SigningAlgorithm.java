package dev.brownout.fakes.oauth;

import com.nimbusds.jose.JWSAlgorithm;

/** How access tokens are signed: RSA PKCS#1 with SHA-256, or ECDSA on P-256. */
public enum SigningAlgorithm {
    RS256(JWSAlgorithm.RS256),
    ES256(JWSAlgorithm.ES256);

    private final JWSAlgorithm jws;

    SigningAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    JWSAlgorithm jws() {
        return jws;
    }
}
