package dev.brownout.internal.world;

import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment variables name every endpoint and credential by the documented names. */
class WorldEnvironmentTest {

    private static final WorldEndpoints ENDPOINTS = new WorldEndpoints(List.of(
            new ProviderEndpoint("primary", "openai", "oauth", "http://127.0.0.1:4001/v1", null, List.of("frontier")),
            new ProviderEndpoint("eu-backup", "anthropic", "api-key", "http://127.0.0.1:4002", "sk-ant-x", List.of("mid"))),
            Optional.of(new OAuthEndpoint("http://127.0.0.1:4003", "http://127.0.0.1:4003/oauth/token",
                    "http://127.0.0.1:4003/jwks", "http://127.0.0.1:4003/.well-known/openid-configuration",
                    List.of(new OAuthClient("agent", "s1", "r1"), new OAuthClient("batch.job", "s2", null)))));

    @Test
    void providersAreNamedUpperCasedWithDashesAsUnderscores() {
        Map<String, String> env = WorldEnvironment.of(ENDPOINTS);
        assertThat(env).as("provider variables")
                .containsEntry("BROWNOUT_PRIMARY_BASE_URL", "http://127.0.0.1:4001/v1")
                .containsEntry("BROWNOUT_PRIMARY_DIALECT", "openai")
                .containsEntry("BROWNOUT_PRIMARY_AUTH", "oauth")
                .doesNotContainKey("BROWNOUT_PRIMARY_API_KEY")
                .containsEntry("BROWNOUT_EU_BACKUP_BASE_URL", "http://127.0.0.1:4002")
                .containsEntry("BROWNOUT_EU_BACKUP_API_KEY", "sk-ant-x")
                .containsEntry("BROWNOUT_EU_BACKUP_DIALECT", "anthropic");
    }

    @Test
    void theFirstClientIsUnqualifiedAndEveryClientIsNamedByItsId() {
        Map<String, String> env = WorldEnvironment.of(ENDPOINTS);
        assertThat(env).as("oauth variables")
                .containsEntry("BROWNOUT_OAUTH_ISSUER", "http://127.0.0.1:4003")
                .containsEntry("BROWNOUT_OAUTH_TOKEN_URL", "http://127.0.0.1:4003/oauth/token")
                .containsEntry("BROWNOUT_OAUTH_JWKS_URL", "http://127.0.0.1:4003/jwks")
                .containsEntry("BROWNOUT_OAUTH_CLIENT_ID", "agent")
                .containsEntry("BROWNOUT_OAUTH_CLIENT_SECRET", "s1")
                .containsEntry("BROWNOUT_OAUTH_REFRESH_TOKEN", "r1")
                .containsEntry("BROWNOUT_OAUTH_AGENT_CLIENT_ID", "agent")
                .containsEntry("BROWNOUT_OAUTH_BATCH_JOB_CLIENT_ID", "batch.job")
                .containsEntry("BROWNOUT_OAUTH_BATCH_JOB_CLIENT_SECRET", "s2")
                .doesNotContainKey("BROWNOUT_OAUTH_BATCH_JOB_REFRESH_TOKEN");
    }

    @Test
    void aWorldWithoutOAuthHasNoOAuthVariables() {
        Map<String, String> env = WorldEnvironment.of(new WorldEndpoints(ENDPOINTS.providers(), Optional.empty()));
        assertThat(env.keySet()).as("variable names without an OAuth server").noneMatch(k -> k.startsWith("BROWNOUT_OAUTH_"));
    }
}
