package dev.brownout.gateways;

import java.net.URI;
import java.util.Objects;

/**
 * How a gateway gets bearer tokens for an upstream. With a refresh token the gateway uses the
 * {@code refresh_token} grant (and keeps the rotated token the server returns); with only a secret it
 * uses {@code client_credentials}; with both it falls back to the secret when a refresh is refused.
 *
 * @param clientSecret null for a public client, which then needs a refresh token
 */
public record OAuthCredentials(URI tokenUrl, String clientId, String clientSecret, String refreshToken) {

    public OAuthCredentials {
        Objects.requireNonNull(tokenUrl, "oauth needs a token_url");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("oauth needs a client_id");
        }
        if (clientSecret == null && refreshToken == null) {
            throw new IllegalArgumentException("oauth client '" + clientId + "' needs a client_secret or a refresh_token");
        }
    }

    @Override
    public String toString() {
        return "OAuthCredentials[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", secrets hidden]";
    }
}
