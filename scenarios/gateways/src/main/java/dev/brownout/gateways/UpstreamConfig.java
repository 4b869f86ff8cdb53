package dev.brownout.gateways;

import java.net.URI;
import java.util.Objects;

/**
 * One OpenAI-compatible provider a gateway forwards to.
 *
 * @param name    how logs, breakers and the {@code x-brownout-upstream} response header name it
 * @param baseUrl the API root that {@code /chat/completions} and {@code /models} hang off, e.g. {@code http://127.0.0.1:8080/v1}
 * @param apiKey  the bearer key; null when {@code oauth} is set
 * @param oauth   client credentials for a token endpoint; null when {@code apiKey} is set
 * @param model   the model every request forwarded here asks for, whatever the caller named
 */
public record UpstreamConfig(String name, URI baseUrl, String apiKey, OAuthCredentials oauth, String model) {

    public UpstreamConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an upstream needs a name");
        }
        Objects.requireNonNull(baseUrl, () -> "upstream '" + name + "' needs a base_url");
        if (!baseUrl.isAbsolute()) {
            throw new IllegalArgumentException("upstream '" + name + "': base_url must be absolute, was " + baseUrl);
        }
        if ((apiKey == null) == (oauth == null)) {
            throw new IllegalArgumentException("upstream '" + name + "' needs exactly one of api_key and oauth");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("upstream '" + name + "' needs a model");
        }
        String text = baseUrl.toString();
        baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public static UpstreamConfig withApiKey(String name, String baseUrl, String apiKey, String model) {
        return new UpstreamConfig(name, URI.create(baseUrl), apiKey, null, model);
    }

    public static UpstreamConfig withOAuth(String name, String baseUrl, OAuthCredentials oauth, String model) {
        return new UpstreamConfig(name, URI.create(baseUrl), null, oauth, model);
    }

    URI chatCompletionsUrl() {
        return URI.create(baseUrl + "/chat/completions");
    }
}
