package dev.brownout.gateways;

import java.net.URI;
import java.util.Objects;

/**
 * One provider a gateway forwards to.
 *
 * @param name    how logs, breakers and the {@code x-brownout-upstream} response header name it
 * @param baseUrl what the dialect's official SDK takes as base URL: for {@code openai} the API root that
 *                {@code /chat/completions} hangs off, e.g. {@code http://127.0.0.1:8080/v1}; for
 *                {@code anthropic} the origin that {@code /v1/messages} hangs off, e.g. {@code http://127.0.0.1:8080}
 * @param apiKey  the key; null when {@code oauth} is set
 * @param oauth   client credentials for a token endpoint; null when {@code apiKey} is set
 * @param model   the model every request forwarded here asks for, whatever the caller named
 * @param dialect the API the upstream speaks; {@code openai} when absent
 */
public record UpstreamConfig(String name, URI baseUrl, String apiKey, OAuthCredentials oauth, String model,
                             UpstreamDialect dialect) {

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
        dialect = dialect == null ? UpstreamDialect.OPENAI : dialect;
    }

    /** An OpenAI-dialect upstream with an API key; {@link #withDialect} changes the dialect. */
    public static UpstreamConfig withApiKey(String name, String baseUrl, String apiKey, String model) {
        return new UpstreamConfig(name, URI.create(baseUrl), apiKey, null, model, UpstreamDialect.OPENAI);
    }

    /** An OpenAI-dialect upstream with OAuth client credentials; {@link #withDialect} changes the dialect. */
    public static UpstreamConfig withOAuth(String name, String baseUrl, OAuthCredentials oauth, String model) {
        return new UpstreamConfig(name, URI.create(baseUrl), null, oauth, model, UpstreamDialect.OPENAI);
    }

    public UpstreamConfig withDialect(UpstreamDialect newDialect) {
        return new UpstreamConfig(name, baseUrl, apiKey, oauth, model, newDialect);
    }
}
