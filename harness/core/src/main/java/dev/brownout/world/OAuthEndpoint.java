package dev.brownout.world;

import dev.brownout.fakes.oauth.OAuthClient;

import java.util.List;

/**
 * The OAuth server as the system under test sees it: every URL on its fault proxy's address, which is also
 * the issuer its tokens carry.
 *
 * @param clients the registered clients, each with its secret and seeded refresh token
 */
public record OAuthEndpoint(String issuer, String tokenUrl, String jwksUrl, String discoveryUrl,
                            List<OAuthClient> clients) {

    public OAuthEndpoint {
        clients = List.copyOf(clients);
    }
}
