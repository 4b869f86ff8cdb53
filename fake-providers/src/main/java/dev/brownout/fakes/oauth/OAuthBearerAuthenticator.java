package dev.brownout.fakes.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.brownout.fakes.admin.BehaviourStore;
import dev.brownout.fakes.auth.AuthFailure;
import dev.brownout.fakes.auth.AuthResult;
import dev.brownout.fakes.auth.Authenticator;
import dev.brownout.fakes.auth.CredentialRegistry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * OAuth mode of a provider: the bearer token must be an access token of this world's OAuth server,
 * signed with a key it publishes now, issued for this provider, in its validity window (give or take
 * the leeway), carrying the required scope, and not revoked. A token for another provider of the world,
 * or any other fake's secret, is a credential leak. Obtain one with {@link OAuthServer#authenticatorFor}.
 */
public final class OAuthBearerAuthenticator implements Authenticator {

    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(5);

    private final AccessTokenVerifier verifier;
    private final BehaviourStore<OAuthBehaviour> behaviour;
    private final List<String> worldProviders;
    private final String audience;
    private final String requiredScope;
    private final Duration leeway;
    private final CredentialRegistry registry;

    OAuthBearerAuthenticator(AccessTokenVerifier verifier, BehaviourStore<OAuthBehaviour> behaviour,
                             List<String> worldProviders, String audience, String requiredScope, Duration leeway,
                             CredentialRegistry registry) {
        if (leeway.isNegative()) {
            throw new IllegalArgumentException("leeway must not be negative");
        }
        this.verifier = verifier;
        this.behaviour = behaviour;
        this.worldProviders = List.copyOf(worldProviders);
        this.audience = audience;
        this.requiredScope = requiredScope;
        this.leeway = leeway;
        this.registry = registry;
    }

    @Override
    public AuthResult authenticate(String credential) {
        if (credential == null || credential.isBlank()) {
            return AuthResult.refuse(AuthFailure.MISSING, "no bearer token");
        }
        var owner = registry.ownerOf(credential);
        if (owner.isPresent() && owner.get().equals(audience)) {
            return AuthResult.refuse(AuthFailure.MALFORMED, "this provider's own API key, but it expects an OAuth bearer token");
        }
        if (owner.isPresent()) {
            return AuthResult.leak(owner.get(), owner.get() + "-credential");
        }
        JWTClaimsSet claims;
        try {
            claims = verifier.verifySignature(credential);
        } catch (AccessTokenVerifier.Refusal refusal) {
            return AuthResult.refuse(refusal.failure(), refusal.getMessage());
        }
        String principal = claims.getSubject();
        List<String> audiences = claims.getAudience();
        if (!audiences.contains(audience)) {
            return audiences.stream()
                    .filter(worldProviders::contains)
                    .findFirst()
                    .map(other -> AuthResult.leak(other, principal))
                    .orElseGet(() -> AuthResult.refuse(AuthFailure.WRONG_AUDIENCE,
                            "issued for " + audiences + ", not '" + audience + "'", principal));
        }
        try {
            verifier.checkTime(claims, leeway);
            verifier.checkNotRevoked(claims, behaviour.current().revocationRound());
        } catch (AccessTokenVerifier.Refusal refusal) {
            return AuthResult.refuse(refusal.failure(), refusal.getMessage(), principal);
        }
        String scope = AccessTokenVerifier.stringClaim(claims, "scope");
        if (requiredScope != null && (scope == null || !Arrays.asList(scope.split(" ")).contains(requiredScope))) {
            return AuthResult.refuse(AuthFailure.INSUFFICIENT_SCOPE, "scope '" + requiredScope + "' is required", principal);
        }
        return AuthResult.accept(principal);
    }
}
