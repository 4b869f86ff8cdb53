package dev.brownout.fakes.oauth;

import java.util.EnumSet;
import java.util.List;

/**
 * One registered client of the OAuth server, as the world's YAML declares it. Omitted fields get
 * defaults: scope {@code llm.invoke}, every grant, every provider of the world as audience, a seeded
 * refresh token when the client may refresh, and one loopback redirect URI.
 *
 * @param audiences {@code null} means every provider of the world
 */
public record OAuthClientConfig(
        String clientId,
        List<String> scopes,
        List<String> audiences,
        List<GrantType> grants,
        Boolean seedRefreshToken,
        List<String> redirectUris) {

    public static final String DEFAULT_SCOPE = "llm.invoke";
    public static final String DEFAULT_REDIRECT_URI = "http://127.0.0.1/callback";

    public OAuthClientConfig {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("client_id must be a non-empty name");
        }
        if (!clientId.matches("[\\x21-\\x7E]+") || clientId.contains(":")) {
            throw new IllegalArgumentException("client_id '" + clientId
                    + "' must be printable ASCII without spaces or ':' (Basic authentication splits on ':')");
        }
        scopes = scopes == null ? List.of(DEFAULT_SCOPE) : List.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("client '" + clientId + "': scopes must name at least one scope");
        }
        for (String scope : scopes) {
            if (!Scopes.isValidToken(scope)) {
                throw new IllegalArgumentException("client '" + clientId + "': scope '" + scope
                        + "' is not a valid scope token (printable ASCII, no spaces, quotes or backslashes)");
            }
        }
        if (audiences != null) {
            audiences = List.copyOf(audiences);
            if (audiences.isEmpty() || audiences.stream().anyMatch(a -> a == null || a.isBlank())) {
                throw new IllegalArgumentException("client '" + clientId
                        + "': audiences must name at least one provider; omit the field for every provider");
            }
        }
        grants = grants == null ? List.of(GrantType.values()) : List.copyOf(grants);
        if (grants.isEmpty()) {
            throw new IllegalArgumentException("client '" + clientId + "': grants must name at least one grant");
        }
        boolean mayRefresh = grants.contains(GrantType.REFRESH_TOKEN);
        if (seedRefreshToken == null) {
            seedRefreshToken = mayRefresh;
        } else if (seedRefreshToken && !mayRefresh) {
            throw new IllegalArgumentException("client '" + clientId
                    + "': seed_refresh_token needs the refresh_token grant in grants");
        }
        redirectUris = redirectUris == null ? List.of(DEFAULT_REDIRECT_URI) : List.copyOf(redirectUris);
        for (String uri : redirectUris) {
            if (!RedirectUris.isAbsoluteWithoutFragment(uri)) {
                throw new IllegalArgumentException("client '" + clientId + "': redirect URI '" + uri
                        + "' must be an absolute URI without a fragment");
            }
        }
    }

    /** The default client: {@code agent}, allowed every grant and every provider. */
    public static OAuthClientConfig defaultAgent() {
        return new OAuthClientConfig("agent", null, null, null, null, null);
    }

    EnumSet<GrantType> grantSet() {
        return EnumSet.copyOf(grants);
    }
}
