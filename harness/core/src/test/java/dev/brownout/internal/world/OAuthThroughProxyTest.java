package dev.brownout.internal.world;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.TokenResponse;
import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.world.OAuthEndpoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OAuth server is handed out at its proxy's address, which is also its issuer, and goes dark with it. */
class OAuthThroughProxyTest {

    private static Phase phase(Scenario scenario, String name) {
        return scenario.timeline().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theIssuerAndEveryUrlHandedOutAreOnTheProxy() throws Exception {
        try (ProxiedWorld world = TestWorlds.start("oauth-outage")) {
            OAuthEndpoint oauth = world.endpoints().oauth().orElseThrow();
            String proxy = "http://" + world.backend().clientAddress(
                    new WorldProbe(world).proxy(TargetFaults.OAUTH).getListen()).toString().replaceFirst("^.*/", "");
            assertThat(oauth.issuer()).as("issuer handed out").isEqualTo(proxy);
            assertThat(oauth.tokenUrl()).as("token URL handed out").startsWith(proxy + "/");
            assertThat(oauth.jwksUrl()).as("JWKS URL handed out").startsWith(proxy + "/");
            assertThat(world.environment()).as("environment")
                    .containsEntry("BROWNOUT_OAUTH_ISSUER", proxy)
                    .containsEntry("BROWNOUT_OAUTH_TOKEN_URL", oauth.tokenUrl());
        }
    }

    @Test
    void aTokenRequestThroughTheProxyGetsATokenIssuedByTheProxysAddress() throws Exception {
        try (ProxiedWorld world = TestWorlds.start("oauth-outage")) {
            OAuthEndpoint oauth = world.endpoints().oauth().orElseThrow();
            OAuthClient agent = oauth.clients().getFirst();
            TokenResponse response = TestWorlds.clientCredentials(oauth, agent);
            assertThat(response.indicatesSuccess()).as("client-credentials through the proxy succeeded").isTrue();
            String token = response.toSuccessResponse().getTokens().getAccessToken().getValue();
            assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer()).as("iss of the token")
                    .isEqualTo(oauth.issuer());
        }
    }

    @Test
    void withTheOAuthProxyDownATokenRequestFailsToConnectAndRecoveryBringsItBack() throws Exception {
        Scenario scenario = ScenarioLibrary.load("oauth-outage");
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            OAuthEndpoint oauth = world.endpoints().oauth().orElseThrow();
            OAuthClient agent = oauth.clients().getFirst();
            world.phases().apply(phase(scenario, "oauth-down"));
            assertThatThrownBy(() -> TestWorlds.clientCredentials(oauth, agent))
                    .as("token request while the oauth proxy is down").isInstanceOf(IOException.class);
            world.phases().apply(phase(scenario, "recovery"));
            assertThat(TestWorlds.clientCredentials(oauth, agent).indicatesSuccess())
                    .as("token request after recovery").isTrue();
        }
    }

    @Test
    void theTokenUrlHandedOutIsNotTheServersOwnPort() {
        try (ProxiedWorld world = TestWorlds.start("oauth-outage")) {
            assertThat(URI.create(world.endpoints().oauth().orElseThrow().tokenUrl()).getPort())
                    .as("port of the token URL").isNotEqualTo(world.fakes().oauth().orElseThrow().port());
        }
    }
}
