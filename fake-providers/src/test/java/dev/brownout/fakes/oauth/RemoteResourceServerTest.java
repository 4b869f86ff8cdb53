package dev.brownout.fakes.oauth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real resource server's validation, as a provider behind a gateway would run it: Nimbus
 * {@code DefaultJWTProcessor} with keys fetched from the JWKS URL over HTTP.
 */
class RemoteResourceServerTest {

    private TestWorld world;

    @BeforeEach
    void start() {
        world = TestWorld.start(OAuthConfig.defaults().withTokenTtl(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    static DefaultJWTProcessor<SecurityContext> validatorFor(OAuthServer server, String audience) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(server.jwksUrl().toURL())
                .cache(false).retrying(false).rateLimited(false).outageTolerant(false).refreshAheadCache(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(server.issuer()).build(), Set.of("sub", "exp", "iat", "jti", "scope"));
        claims.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    @Test
    void acceptsAnIssuedToken() throws Exception {
        JWTClaimsSet claims = validatorFor(world.server, "primary").process(world.accessToken(), null);

        assertThat(claims.getSubject()).as("subject of the validated token").isEqualTo("agent");
    }

    @Test
    void rejectsATamperedToken() throws Exception {
        String[] parts = world.accessToken().split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("llm.invoke", "llm.admin").getBytes());
        String tampered = parts[0] + "." + forgedClaims + "." + parts[2];

        assertThatThrownBy(() -> validatorFor(world.server, "primary").process(tampered, null))
                .as("a token whose claims were changed").isInstanceOf(BadJOSEException.class)
                .hasMessageContaining("Invalid signature");
    }

    @Test
    void rejectsAnExpiredToken() throws Exception {
        String token = world.accessToken();
        var validator = validatorFor(world.server, "primary");
        long exp = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().getTime();
        TestWorld.await("the 2 s token to expire", Duration.ofSeconds(10), () -> System.currentTimeMillis() > exp + 1000);

        assertThatThrownBy(() -> validator.process(token, null))
                .as("a token past its exp").isInstanceOf(BadJOSEException.class).hasMessageContaining("Expired JWT");
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        assertThatThrownBy(() -> validatorFor(world.server, "elsewhere").process(world.accessToken(), null))
                .as("a token not issued for this resource server").isInstanceOf(BadJOSEException.class)
                .hasMessageContaining("aud claim rejected");
    }
}
