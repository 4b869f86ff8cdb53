package dev.brownout.fakes.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;

/**
 * How the OAuth server misbehaves right now. Replaced whole (admin API {@code PUT /__brownout/behaviour}),
 * so every omitted field is its healthy default and a phase sets exactly the faults it names.
 *
 * @param tokenEndpoint    faults of the token endpoint: injected errors, delay, hang
 * @param refreshFails     every refresh_token grant answers {@code invalid_grant}: a forced re-login
 * @param jwksUnavailable  the JWKS answers 503; tokens already issued still validate in-process
 * @param signingKey       which key signs, and whether older keys stay published
 * @param clockSkew        the server's clock runs ahead (tokens not yet valid) or behind (tokens already expired)
 * @param revocationRound  raising it revokes every token issued so far (access and refresh)
 * @param authorize        what the authorization endpoint decides in place of a person
 */
public record OAuthBehaviour(
        TokenFaults tokenEndpoint,
        Boolean refreshFails,
        Boolean jwksUnavailable,
        SigningKey signingKey,
        ClockSkew clockSkew,
        Integer revocationRound,
        AuthorizeDecision authorize) {

    public OAuthBehaviour {
        tokenEndpoint = tokenEndpoint == null ? TokenFaults.HEALTHY : tokenEndpoint;
        refreshFails = refreshFails != null && refreshFails;
        jwksUnavailable = jwksUnavailable != null && jwksUnavailable;
        signingKey = signingKey == null ? SigningKey.FIRST : signingKey;
        clockSkew = clockSkew == null ? ClockSkew.NONE : clockSkew;
        revocationRound = revocationRound == null ? 0 : revocationRound;
        authorize = authorize == null ? AuthorizeDecision.APPROVE : authorize;
    }

    public static OAuthBehaviour healthy() {
        return new OAuthBehaviour(null, null, null, null, null, null, null);
    }

    /** Throws {@link IllegalArgumentException} naming the field and the allowed range. */
    public static void validate(OAuthBehaviour behaviour) {
        TokenFaults token = behaviour.tokenEndpoint();
        if (!(token.errorRate() >= 0 && token.errorRate() <= 1)) {
            throw new IllegalArgumentException("token_endpoint.error_rate must be between 0 and 1, was " + token.errorRate());
        }
        if (token.errorStatus() != 429 && token.errorStatus() != 500 && token.errorStatus() != 503) {
            throw new IllegalArgumentException("token_endpoint.error_status must be 429, 500 or 503, was " + token.errorStatus());
        }
        if (token.retryAfter() != null) {
            if (token.errorStatus() != 429) {
                throw new IllegalArgumentException("token_endpoint.retry_after is only sent with error_status 429, was "
                        + token.errorStatus());
            }
            if (token.retryAfter().isNegative() || token.retryAfter().compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("token_endpoint.retry_after must be between 0s and 1h, was "
                        + token.retryAfter());
            }
        }
        if (token.delay().isNegative() || token.delay().compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("token_endpoint.delay must be between 0s and 10m");
        }
        if (behaviour.signingKey().generation() < 0 || behaviour.signingKey().generation() > 1000) {
            throw new IllegalArgumentException("signing_key.generation must be between 0 and 1000, was "
                    + behaviour.signingKey().generation());
        }
        if (behaviour.clockSkew().shift().isNegative() || behaviour.clockSkew().shift().compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("clock_skew.shift must be between 0s and 365 days; use direction for the sign");
        }
        if (behaviour.revocationRound() < 0) {
            throw new IllegalArgumentException("revocation_round must be 0 or more, was " + behaviour.revocationRound());
        }
    }

    public OAuthBehaviour withTokenEndpoint(TokenFaults value) {
        return new OAuthBehaviour(value, refreshFails, jwksUnavailable, signingKey, clockSkew, revocationRound, authorize);
    }

    public OAuthBehaviour withRefreshFails(boolean value) {
        return new OAuthBehaviour(tokenEndpoint, value, jwksUnavailable, signingKey, clockSkew, revocationRound, authorize);
    }

    public OAuthBehaviour withJwksUnavailable(boolean value) {
        return new OAuthBehaviour(tokenEndpoint, refreshFails, value, signingKey, clockSkew, revocationRound, authorize);
    }

    public OAuthBehaviour withSigningKey(SigningKey value) {
        return new OAuthBehaviour(tokenEndpoint, refreshFails, jwksUnavailable, value, clockSkew, revocationRound, authorize);
    }

    public OAuthBehaviour withClockSkew(ClockSkew value) {
        return new OAuthBehaviour(tokenEndpoint, refreshFails, jwksUnavailable, signingKey, value, revocationRound, authorize);
    }

    public OAuthBehaviour withRevocationRound(int value) {
        return new OAuthBehaviour(tokenEndpoint, refreshFails, jwksUnavailable, signingKey, clockSkew, value, authorize);
    }

    public OAuthBehaviour withAuthorize(AuthorizeDecision value) {
        return new OAuthBehaviour(tokenEndpoint, refreshFails, jwksUnavailable, signingKey, clockSkew, revocationRound, value);
    }

    /**
     * @param errorRate   probability in [0, 1] that a token request is answered with {@code errorStatus}
     * @param errorStatus 429 (throttled: {@code temporarily_unavailable}), 500 ({@code server_error}) or 503
     *                    ({@code temporarily_unavailable})
     * @param delay       added before the token endpoint answers
     * @param hang        accept token requests and never answer them (until the client gives up or the server stops)
     * @param retryAfter  with status 429, sent as {@code Retry-After} (whole seconds, rounded up); null sends none
     */
    public record TokenFaults(Double errorRate, Integer errorStatus, Duration delay, Boolean hang, Duration retryAfter) {
        static final TokenFaults HEALTHY = new TokenFaults(null, null, null, null, null);

        /** The faults without a {@code Retry-After}, as before there was one. */
        public TokenFaults(Double errorRate, Integer errorStatus, Duration delay, Boolean hang) {
            this(errorRate, errorStatus, delay, hang, null);
        }

        public TokenFaults {
            errorRate = errorRate == null ? 0d : errorRate;
            errorStatus = errorStatus == null ? 503 : errorStatus;
            delay = delay == null ? Duration.ZERO : delay;
            hang = hang != null && hang;
        }
    }

    /**
     * @param generation  the key that signs: raising it rotates to a new key with a new {@code kid}
     * @param keepOldKeys whether keys of lower generations stay in the JWKS (then their tokens still verify)
     */
    public record SigningKey(Integer generation, Boolean keepOldKeys) {
        static final SigningKey FIRST = new SigningKey(null, null);

        public SigningKey {
            generation = generation == null ? 0 : generation;
            keepOldKeys = keepOldKeys == null || keepOldKeys;
        }
    }

    /**
     * @param direction {@code ahead}: tokens carry {@code iat}/{@code nbf} in the future; {@code behind}: in
     *                  the past, so a shift longer than the token lifetime issues tokens already expired
     * @param shift     how far the server's clock is off
     */
    public record ClockSkew(Direction direction, Duration shift) {
        static final ClockSkew NONE = new ClockSkew(null, null);

        public ClockSkew {
            direction = direction == null ? Direction.AHEAD : direction;
            shift = shift == null ? Duration.ZERO : shift;
        }

        Duration offset() {
            return direction == Direction.AHEAD ? shift : shift.negated();
        }

        public enum Direction {
            @JsonProperty("ahead") AHEAD,
            @JsonProperty("behind") BEHIND
        }
    }

    public enum AuthorizeDecision {
        @JsonProperty("approve") APPROVE,
        @JsonProperty("deny") DENY
    }
}
