package dev.brownout.fakes.oauth;

import java.time.Instant;

/**
 * One request the OAuth server saw.
 *
 * @param endpoint  {@code token}, {@code authorize}, {@code introspect}, {@code revoke}, {@code jwks},
 *                  {@code discovery}, or {@code other} for unknown paths and wrong methods
 * @param grant     the {@code grant_type} as sent, when there was one
 * @param clientId  the client the request claimed to be, authenticated or not
 * @param status    the HTTP status; 0 for a request deliberately left hanging
 * @param outcome   {@code ok}, the OAuth error code, or {@code hang}
 * @param injected  whether a behaviour (not the request) caused the outcome
 */
public record OAuthLedgerEntry(
        long sequence,
        Instant time,
        String endpoint,
        String method,
        String grant,
        String clientId,
        int status,
        String outcome,
        boolean injected,
        double latencyMs) {
}
