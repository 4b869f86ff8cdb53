package dev.brownout.fakes.auth;

/**
 * Decides whether the credential a request presented may call a provider. The dialect extracts the
 * credential ({@code Authorization: Bearer} or {@code x-api-key}); how it is judged depends on the
 * provider's auth mode (API key, OAuth bearer token).
 */
@FunctionalInterface
public interface Authenticator {

    /** @param credential the presented secret, or {@code null} when the request carried none */
    AuthResult authenticate(String credential);
}
