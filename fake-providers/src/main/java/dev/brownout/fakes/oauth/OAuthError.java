package dev.brownout.fakes.oauth;

import io.javalin.http.Context;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error response of RFC 6749 §5.2: a code from the registry, a description for people, the HTTP
 * status, and whether the client authenticated with Basic (then a 401 must carry a Basic challenge).
 * Thrown through the endpoint code and written once, so every refusal has the same shape.
 */
final class OAuthError extends RuntimeException {

    static final String REALM = "brownout-oauth";

    private final String code;
    private final int status;
    private final boolean basicChallenge;
    private final Duration retryAfter;

    private OAuthError(String code, String description, int status, boolean basicChallenge) {
        this(code, description, status, basicChallenge, null);
    }

    private OAuthError(String code, String description, int status, boolean basicChallenge, Duration retryAfter) {
        super(description, null, false, false);
        this.code = code;
        this.status = status;
        this.basicChallenge = basicChallenge;
        this.retryAfter = retryAfter;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400, false);
    }

    static OAuthError invalidClient(String description, boolean usedBasic) {
        return new OAuthError("invalid_client", description, 401, usedBasic);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400, false);
    }

    static OAuthError unauthorizedClient(String description) {
        return new OAuthError("unauthorized_client", description, 400, false);
    }

    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description, 400, false);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description, 400, false);
    }

    static OAuthError temporarilyUnavailable(String description) {
        return new OAuthError("temporarily_unavailable", description, 503, false);
    }

    /**
     * A 429 from a throttled token endpoint. RFC 6749 registers no rate-limit code, so the body says
     * {@code temporarily_unavailable}, as throttling authorization servers commonly do; {@code Retry-After}
     * (whole seconds, rounded up) is sent when {@code retryAfter} is not null.
     */
    static OAuthError tooManyRequests(String description, Duration retryAfter) {
        return new OAuthError("temporarily_unavailable", description, 429, false, retryAfter);
    }

    static OAuthError serverError(String description) {
        return new OAuthError("server_error", description, 500, false);
    }

    /** An error of the authorization endpoint (RFC 6749 §4.1.2.1), sent back in the redirect. */
    static OAuthError authorization(String code, String description) {
        return new OAuthError(code, description, 302, false);
    }

    /** For the catch-all handlers (unknown path, wrong method, body too large): same body shape, their status. */
    static OAuthError withStatus(int status, String code, String description) {
        return new OAuthError(code, description, status, false);
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    /** Retry-After takes whole seconds; a fraction is rounded up so the client never comes back early. */
    static long retryAfterSeconds(Duration retryAfter) {
        long seconds = retryAfter.toSeconds();
        return retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", getMessage());
        return body;
    }

    void writeTo(Context ctx) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        if (retryAfter != null) {
            ctx.header("Retry-After", Long.toString(retryAfterSeconds(retryAfter)));
        }
        if (basicChallenge) {
            ctx.header("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        ctx.json(body());
    }
}
