package dev.brownout.internal.world;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.scenario.ScenarioWorld;
import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/** Shipped scenarios' worlds with instant models, and the real clients the tests call them with. */
final class TestWorlds {

    private TestWorlds() {
    }

    /** The scenario's world behind the embedded proxy, with the same model ids answering instantly. */
    static ProxiedWorld start(Scenario scenario) {
        ScenarioWorld world = scenario.world();
        WorldConfig config = new WorldConfig(scenario.seed(), world.host(), instantCatalog().toString(),
                world.providers(), world.oauth());
        return ProxiedWorld.start(config, FaultProxyBackend.embedded());
    }

    static ProxiedWorld start(String scenarioName) {
        return start(ScenarioLibrary.load(scenarioName));
    }

    static Path instantCatalog() {
        try {
            return Path.of(Objects.requireNonNull(TestWorlds.class.getResource("/world/instant-catalog.yaml")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One real SDK call with the provider's dialect; returns the model the answer names. */
    static String ask(ProviderEndpoint provider, String credential) {
        String model = provider.models().getFirst();
        return switch (provider.dialect()) {
            case "openai" -> {
                OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(provider.baseUrl()).apiKey(credential)
                        .maxRetries(0).build();
                try {
                    yield client.chat().completions().create(ChatCompletionCreateParams.builder()
                            .model(model).maxCompletionTokens(16).addUserMessage("Say hello.").build()).model();
                } finally {
                    client.close();
                }
            }
            case "anthropic" -> {
                AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(provider.baseUrl()).apiKey(credential)
                        .maxRetries(0).build();
                try {
                    yield client.messages().create(MessageCreateParams.builder()
                            .model(model).maxTokens(16).addUserMessage("Say hello.").build()).model().asString();
                } finally {
                    client.close();
                }
            }
            default -> throw new IllegalArgumentException("no SDK for dialect " + provider.dialect());
        };
    }

    /** A client-credentials token from the token URL handed out, with Nimbus. */
    static TokenResponse clientCredentials(OAuthEndpoint oauth, OAuthClient client) throws Exception {
        return TokenResponse.parse(new TokenRequest(URI.create(oauth.tokenUrl()),
                new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.clientSecret())),
                new ClientCredentialsGrant(), null).toHTTPRequest().send());
    }

    /** The credential a provider takes: its key, or a fresh access token from the world's first client. */
    static String credentialFor(ProviderEndpoint provider, WorldEndpoints endpoints) throws Exception {
        if (provider.apiKey() != null) {
            return provider.apiKey();
        }
        OAuthEndpoint oauth = endpoints.oauth().orElseThrow();
        return clientCredentials(oauth, oauth.clients().getFirst()).toSuccessResponse().getTokens()
                .getAccessToken().getValue();
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int portOf(String url) {
        return URI.create(url).getPort();
    }
}
