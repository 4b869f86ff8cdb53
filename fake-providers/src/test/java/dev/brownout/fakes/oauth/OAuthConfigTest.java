package dev.brownout.fakes.oauth;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.brownout.fakes.auth.CredentialRegistry;
import dev.brownout.fakes.config.JsonProblem;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code world.oauth} section: its YAML, its defaults and its validation; seeded credentials. */
class OAuthConfigTest {

    private static OAuthConfig yaml(String text) throws Exception {
        return Mappers.yaml().readValue(text, OAuthConfig.class);
    }

    private static String problem(String text) {
        try {
            yaml(text);
        } catch (JsonMappingException e) {
            return JsonProblem.of(e).describe();
        } catch (Exception e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the configuration to be refused: " + text);
    }

    @Test
    void yamlSectionReadsWithSnakeCaseFields() throws Exception {
        OAuthConfig config = yaml("""
                token_ttl: 2s
                signing_alg: ES256
                clients:
                  - client_id: agent
                    scopes: [llm.invoke]
                    audiences: [primary, backup]
                    grants: [client_credentials, refresh_token]
                    seed_refresh_token: true
                """);

        assertThat(config.tokenTtl()).as("token_ttl").isEqualTo(Duration.ofSeconds(2));
        assertThat(config.signingAlg()).as("signing_alg").isEqualTo(SigningAlgorithm.ES256);
        assertThat(config.clients().getFirst().grants()).as("grants")
                .containsExactly(GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN);
        assertThat(config.clients().getFirst().seedRefreshToken()).as("seed_refresh_token").isTrue();
    }

    @Test
    void emptySectionGetsEveryDefault() throws Exception {
        OAuthConfig config = yaml("{}");

        assertThat(config.name()).as("name").isEqualTo("oauth");
        assertThat(config.tokenTtl()).as("token_ttl").isEqualTo(Duration.ofSeconds(60));
        assertThat(config.signingAlg()).as("signing_alg").isEqualTo(SigningAlgorithm.RS256);
        OAuthClientConfig agent = config.clients().getFirst();
        assertThat(config.clients()).as("one default client").hasSize(1);
        assertThat(agent.clientId()).as("default client id").isEqualTo("agent");
        assertThat(agent.grants()).as("every grant").containsExactlyInAnyOrder(GrantType.values());
        assertThat(agent.audiences()).as("null audiences = every provider").isNull();
        assertThat(agent.seedRefreshToken()).as("seeded refresh token").isTrue();
    }

    @Test
    void defaultClientGetsEveryProviderAsAudience() throws Exception {
        try (OAuthServer server = OAuthServer.start(OAuthConfig.defaults().withSigningAlg(SigningAlgorithm.ES256),
                List.of("primary", "backup", "third"), "127.0.0.1", 0, 1, new CredentialRegistry())) {
            String token = TestWorld.issued(com.nimbusds.oauth2.sdk.TokenResponse.parse(new com.nimbusds.oauth2.sdk.TokenRequest(
                    server.tokenUrl(), new com.nimbusds.oauth2.sdk.auth.ClientSecretBasic(
                            new com.nimbusds.oauth2.sdk.id.ClientID("agent"),
                            new com.nimbusds.oauth2.sdk.auth.Secret(server.client("agent").clientSecret())),
                    new com.nimbusds.oauth2.sdk.ClientCredentialsGrant(), null).toHTTPRequest().send()))
                    .getAccessToken().getValue();

            assertThat(com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getAudience()).as("aud")
                    .containsExactly("primary", "backup", "third");
        }
    }

    @Test
    void tokenTtlBelowOneSecondIsRefused() {
        assertThat(problem("token_ttl: 500ms")).as("message").contains("token_ttl must be at least 1s");
    }

    @Test
    void unknownFieldIsRefusedByName() {
        assertThat(problem("token_tll: 60s")).as("message").contains("token_tll");
    }

    @Test
    void unknownGrantIsRefused() {
        assertThat(problem("clients: [ { client_id: a, grants: [password] } ]")).as("message").contains("password");
    }

    @Test
    void duplicateClientIdIsRefused() {
        assertThat(problem("clients: [ { client_id: a }, { client_id: a } ]")).as("message")
                .contains("client_id 'a' is declared twice");
    }

    @Test
    void seededRefreshTokenWithoutTheRefreshGrantIsRefused() {
        assertThat(problem("clients: [ { client_id: a, grants: [client_credentials], seed_refresh_token: true } ]"))
                .as("message").contains("seed_refresh_token needs the refresh_token grant");
    }

    @Test
    void sameSeedGivesTheSameCredentials() {
        try (OAuthServer first = start(7, new CredentialRegistry()); OAuthServer second = start(7, new CredentialRegistry())) {
            assertThat(second.clients()).as("clients of two worlds with one seed").isEqualTo(first.clients());
        }
    }

    @Test
    void credentialsAreDistinctPerClientPurposeAndSeed() {
        try (OAuthServer seven = start(7, new CredentialRegistry()); OAuthServer eight = start(8, new CredentialRegistry())) {
            OAuthClient a = seven.client("a");
            OAuthClient b = seven.client("b");

            assertThat(a.clientSecret()).as("two clients").isNotEqualTo(b.clientSecret());
            assertThat(a.clientSecret()).as("secret and refresh token").isNotEqualTo(a.refreshToken());
            assertThat(eight.client("a").clientSecret()).as("two seeds").isNotEqualTo(a.clientSecret());
        }
    }

    @Test
    void twoServersOfOneWorldNeverShareACredential() {
        CredentialRegistry registry = new CredentialRegistry();
        OAuthConfig other = config().withTokenTtl(Duration.ofSeconds(30));
        try (OAuthServer first = start(7, registry);
             OAuthServer second = OAuthServer.start(new OAuthConfig("corp-idp", null, null, null, SigningAlgorithm.ES256,
                     other.clients()), TestWorld.PROVIDERS, "127.0.0.1", 0, 7, registry)) {
            assertThat(registry.ownerOf(second.client("a").clientSecret())).as("owner").contains("corp-idp");
            assertThat(registry.ownerOf(first.client("a").clientSecret())).as("owner").contains("oauth");
        }
    }

    @Test
    void describeGivesTheStandaloneJarLine() {
        try (OAuthServer server = start(7, new CredentialRegistry())) {
            Map<String, Object> description = server.describe();

            assertThat(description).as("keys").containsKeys("issuer", "token_url", "jwks_url", "clients");
            assertThat(description.get("token_url")).as("token_url").isEqualTo(server.tokenUrl().toString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> clients = (List<Map<String, Object>>) description.get("clients");
            assertThat(clients.getFirst()).as("first client")
                    .containsEntry("client_id", "a")
                    .containsEntry("client_secret", server.client("a").clientSecret())
                    .containsEntry("refresh_token", server.client("a").refreshToken());
            assertThat(clients.get(1)).as("client without a seeded refresh token").doesNotContainKey("refresh_token");
        }
    }

    @Test
    void issuerFollowsThePublicAddressBehindAProxy() {
        try (OAuthServer server = OAuthServer.start(config(), TestWorld.PROVIDERS, "127.0.0.1", 0, 7,
                new CredentialRegistry(), java.net.URI.create("http://127.0.0.1:9999/"))) {
            assertThat(server.issuer()).as("issuer").isEqualTo("http://127.0.0.1:9999");
            assertThat(server.tokenUrl().toString()).as("token URL").isEqualTo("http://127.0.0.1:9999/token");
        }
    }

    @Test
    void behaviourJsonHasHealthyDefaultsForEveryOmittedField() throws Exception {
        OAuthBehaviour behaviour = Mappers.json().readValue("{\"refresh_fails\": true}", OAuthBehaviour.class);

        assertThat(behaviour).as("only refresh_fails set").isEqualTo(OAuthBehaviour.healthy().withRefreshFails(true));
        assertThatThrownBy(() -> OAuthBehaviour.validate(OAuthBehaviour.healthy()
                .withSigningKey(new OAuthBehaviour.SigningKey(-1, true))))
                .as("negative key generation").hasMessageContaining("signing_key.generation");
    }

    private static OAuthConfig config() {
        return new OAuthConfig(null, null, null, null, SigningAlgorithm.ES256, List.of(
                new OAuthClientConfig("a", null, null, null, null, null),
                new OAuthClientConfig("b", null, null, List.of(GrantType.CLIENT_CREDENTIALS), null, null)));
    }

    private static OAuthServer start(long seed, CredentialRegistry registry) {
        return OAuthServer.start(config(), TestWorld.PROVIDERS, "127.0.0.1", 0, seed, registry);
    }
}
