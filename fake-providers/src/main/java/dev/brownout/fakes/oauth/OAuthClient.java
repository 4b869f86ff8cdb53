package dev.brownout.fakes.oauth;

/**
 * The credentials a registered client holds: what the harness hands to the system under test.
 *
 * @param refreshToken the seeded refresh token, as a CLI agent holds one after a login; {@code null} when none
 */
public record OAuthClient(String clientId, String clientSecret, String refreshToken) {

    @Override
    public String toString() {
        return "OAuthClient[" + clientId + "]";
    }
}
