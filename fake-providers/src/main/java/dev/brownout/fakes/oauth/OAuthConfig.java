package dev.brownout.fakes.oauth;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The OAuth server of a world, as the {@code world.oauth} section of a scenario declares it, e.g.
 * {@code { token_ttl: 60s, signing_alg: ES256, clients: [ { client_id: agent, audiences: [primary] } ] }}.
 * Every field may be omitted.
 *
 * @param name                   the server's name in its world, the owner of its credentials; default {@code oauth}
 * @param tokenTtl               access-token lifetime, at least 1 s; default 60 s
 * @param refreshTokenTtl        refresh-token lifetime; default 24 h
 * @param authorizationCodeTtl   how long an authorization code may wait for its exchange; default 60 s
 * @param signingAlg             RS256 (default) or ES256
 * @param clients                registered clients; default one client {@code agent}
 */
public record OAuthConfig(
        String name,
        Duration tokenTtl,
        Duration refreshTokenTtl,
        Duration authorizationCodeTtl,
        SigningAlgorithm signingAlg,
        List<OAuthClientConfig> clients) {

    public static final String DEFAULT_NAME = "oauth";

    public OAuthConfig {
        name = name == null ? DEFAULT_NAME : name;
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        tokenTtl = atLeastOneSecond("token_ttl", tokenTtl, Duration.ofSeconds(60));
        refreshTokenTtl = atLeastOneSecond("refresh_token_ttl", refreshTokenTtl, Duration.ofHours(24));
        authorizationCodeTtl = atLeastOneSecond("authorization_code_ttl", authorizationCodeTtl, Duration.ofSeconds(60));
        signingAlg = signingAlg == null ? SigningAlgorithm.RS256 : signingAlg;
        clients = clients == null || clients.isEmpty() ? List.of(OAuthClientConfig.defaultAgent()) : List.copyOf(clients);
        Set<String> ids = new HashSet<>();
        for (OAuthClientConfig client : clients) {
            if (client == null) {
                throw new IllegalArgumentException("clients must not contain an empty entry");
            }
            if (!ids.add(client.clientId())) {
                throw new IllegalArgumentException("client_id '" + client.clientId() + "' is declared twice");
            }
        }
    }

    /** Every default: server {@code oauth}, 60 s tokens, RS256, one client {@code agent}. */
    public static OAuthConfig defaults() {
        return new OAuthConfig(null, null, null, null, null, null);
    }

    public OAuthConfig withTokenTtl(Duration ttl) {
        return new OAuthConfig(name, ttl, refreshTokenTtl, authorizationCodeTtl, signingAlg, clients);
    }

    public OAuthConfig withSigningAlg(SigningAlgorithm alg) {
        return new OAuthConfig(name, tokenTtl, refreshTokenTtl, authorizationCodeTtl, alg, clients);
    }

    public OAuthConfig withClients(List<OAuthClientConfig> newClients) {
        return new OAuthConfig(name, tokenTtl, refreshTokenTtl, authorizationCodeTtl, signingAlg, newClients);
    }

    private static Duration atLeastOneSecond(String field, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(field + " must be at least 1s, was " + value.toMillis() + "ms");
        }
        return value;
    }
}
