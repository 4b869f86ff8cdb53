package dev.brownout.fakes;

import java.util.regex.Pattern;

/**
 * The real API a provider in {@code upstream} mode forwards to. The key is only ever read from the environment,
 * never from a file, and never written anywhere; the base URL may be given directly (it is no secret) or by an
 * environment variable.
 *
 * @param baseUrl    the API's base URL exactly as the dialect's official SDK takes it (e.g.
 *                   {@code https://api.openai.com/v1}, {@code https://api.anthropic.com}); null to read it from
 *                   {@code baseUrlEnv}
 * @param baseUrlEnv the environment variable holding the base URL, when {@code baseUrl} is null
 * @param apiKeyEnv  the environment variable holding the API key; null to send no key (an upstream without auth)
 */
public record UpstreamConfig(String baseUrl, String baseUrlEnv, String apiKeyEnv) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Refuses a config that names no base URL, names it twice, or names an invalid environment variable. */
    public UpstreamConfig {
        if ((baseUrl == null) == (baseUrlEnv == null)) {
            throw new IllegalArgumentException("upstream needs exactly one of base_url (the API's base URL) or "
                    + "base_url_env (the environment variable that holds it)");
        }
        if (baseUrl != null && !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("upstream.base_url '" + baseUrl + "' must start with http:// or https://");
        }
        checkEnvName("base_url_env", baseUrlEnv);
        checkEnvName("api_key_env", apiKeyEnv);
    }

    /** An upstream whose base URL and key are read from the environment variables named. */
    public static UpstreamConfig fromEnvironment(String baseUrlEnv, String apiKeyEnv) {
        return new UpstreamConfig(null, baseUrlEnv, apiKeyEnv);
    }

    /** An upstream at a fixed base URL whose key is read from the environment variable named (null for none). */
    public static UpstreamConfig at(String baseUrl, String apiKeyEnv) {
        return new UpstreamConfig(baseUrl, null, apiKeyEnv);
    }

    private static void checkEnvName(String field, String name) {
        if (name != null && !ENV_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("upstream." + field + " '" + name
                    + "' is not an environment variable name (letters, digits and underscores, not starting with a digit)");
        }
    }
}
