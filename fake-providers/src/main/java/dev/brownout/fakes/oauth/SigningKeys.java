package dev.brownout.fakes.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.brownout.fakes.admin.BehaviourStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's signing keys, one per generation of the behaviour's {@code signing_key}. A key is
 * generated the first time its generation is asked for and kept for the server's life, so rolling the
 * generation back re-publishes the same key. The published set (JWKS, and what in-process validation
 * trusts) is the current key plus, when kept, every older generation's.
 */
final class SigningKeys {

    private final SigningAlgorithm algorithm;
    private final BehaviourStore<OAuthBehaviour> behaviour;
    private final Map<Integer, JWK> byGeneration = new TreeMap<>();

    SigningKeys(SigningAlgorithm algorithm, BehaviourStore<OAuthBehaviour> behaviour) {
        this.algorithm = algorithm;
        this.behaviour = behaviour;
        keyOf(behaviour.current().signingKey().generation());
    }

    SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** The key that signs now, with its private part. */
    JWK current() {
        return keyOf(behaviour.current().signingKey().generation());
    }

    JWSSigner signer(JWK key) throws JOSEException {
        return key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
    }

    /** Public keys only: what the JWKS serves and in-process validation trusts. */
    synchronized JWKSet published() {
        OAuthBehaviour.SigningKey setting = behaviour.current().signingKey();
        List<JWK> keys = new ArrayList<>();
        keys.add(keyOf(setting.generation()).toPublicJWK());
        if (setting.keepOldKeys()) {
            for (Map.Entry<Integer, JWK> entry : byGeneration.entrySet()) {
                if (entry.getKey() < setting.generation()) {
                    keys.add(entry.getValue().toPublicJWK());
                }
            }
        }
        return new JWKSet(keys);
    }

    private synchronized JWK keyOf(int generation) {
        return byGeneration.computeIfAbsent(generation, g -> generate());
    }

    private JWK generate() {
        try {
            return switch (algorithm) {
                case RS256 -> new RSAKeyGenerator(2048)
                        .keyUse(KeyUse.SIGNATURE).algorithm(algorithm.jws()).keyIDFromThumbprint(true).generate();
                case ES256 -> new ECKeyGenerator(Curve.P_256)
                        .keyUse(KeyUse.SIGNATURE).algorithm(algorithm.jws()).keyIDFromThumbprint(true).generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a " + algorithm + " signing key", e);
        }
    }
}
