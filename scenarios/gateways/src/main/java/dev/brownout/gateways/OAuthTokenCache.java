package dev.brownout.gateways;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Holds one access token per upstream and replaces it before it expires, so callers never present an
 * expired token: the refresh is due once {@link #REFRESH_SHARE} of the token's lifetime is left (at most
 * {@link #MAX_REFRESH_AHEAD} ahead). One request refreshes while the others wait on the lock, instead of
 * a stampede on the token endpoint. When a refresh fails while the old token is still valid, the old one
 * is used and the next request tries again.
 */
final class OAuthTokenCache implements Credential {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenCache.class);
    static final double REFRESH_SHARE = 0.25;
    static final Duration MAX_REFRESH_AHEAD = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String upstream;
    private final OAuthCredentials credentials;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private String refreshToken;
    private Token token;
    // one warning per failure streak: at hundreds of requests a second, one line each would drown the log
    private boolean refreshFailing;

    private record Token(String value, Instant refreshAt, Instant expiresAt) {
    }

    OAuthTokenCache(String upstream, OAuthCredentials credentials, HttpClient http, Duration requestTimeout, Clock clock) {
        this.upstream = upstream;
        this.credentials = credentials;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.refreshToken = credentials.refreshToken();
    }

    @Override
    public String bearer() throws UpstreamFailure {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (token != null && now.isBefore(token.refreshAt())) {
                return token.value();
            }
            try {
                token = fetch(now);
                if (refreshFailing) {
                    LOG.info("upstream {}: the token endpoint answers again", upstream);
                    refreshFailing = false;
                }
            } catch (IOException | RuntimeException e) {
                if (token != null && now.isBefore(token.expiresAt())) {
                    if (!refreshFailing) {
                        LOG.warn("upstream {}: token refresh failed ({}); the current token is valid until {}",
                                upstream, describe(e), token.expiresAt());
                    }
                    refreshFailing = true;
                    return token.value();
                }
                if (!refreshFailing || token != null) {
                    LOG.warn("upstream {}: no access token ({}); calls fail until the token endpoint answers",
                            upstream, describe(e));
                }
                refreshFailing = true;
                token = null;
                throw new UpstreamFailure(UpstreamFailure.Kind.CREDENTIALS,
                        "upstream " + upstream + ": no access token: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpstreamFailure(UpstreamFailure.Kind.CREDENTIALS, "interrupted while fetching a token", e);
            }
            return token.value();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean refused(String bearer) {
        lock.lock();
        try {
            if (token != null && token.value().equals(bearer)) {
                token = null;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Refresh grant when a refresh token is held; the secret's grant when there is none or it was refused. */
    private Token fetch(Instant now) throws IOException, InterruptedException {
        if (refreshToken != null) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
            HttpResponse<String> response = post(form);
            if (response.statusCode() == 200) {
                return accept(response.body(), now);
            }
            if (credentials.clientSecret() == null || response.statusCode() >= 500) {
                throw new IOException("token endpoint answered " + response.statusCode() + " to a refresh: " + response.body());
            }
            LOG.warn("upstream {}: refresh token refused ({}); using client credentials", upstream, response.statusCode());
            refreshToken = null;
        }
        HttpResponse<String> response = post(Map.of("grant_type", "client_credentials"));
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return accept(response.body(), now);
    }

    private Token accept(String body, Instant now) throws IOException {
        JsonNode json = JSON.readTree(body);
        String accessToken = json.path("access_token").asText(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw new IOException("token response has no access_token");
        }
        if (json.hasNonNull("refresh_token")) {
            refreshToken = json.get("refresh_token").asText();
        }
        Duration lifetime = Duration.ofSeconds(Math.max(1, json.path("expires_in").asLong(3600)));
        Duration ahead = Duration.ofMillis((long) (lifetime.toMillis() * REFRESH_SHARE));
        if (ahead.compareTo(MAX_REFRESH_AHEAD) > 0) {
            ahead = MAX_REFRESH_AHEAD;
        }
        Instant expiresAt = now.plus(lifetime);
        LOG.debug("upstream {}: new access token valid for {}", upstream, lifetime);
        return new Token(accessToken, expiresAt.minus(ahead), expiresAt);
    }

    private HttpResponse<String> post(Map<String, String> form) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>(form);
        HttpRequest.Builder request = HttpRequest.newBuilder(credentials.tokenUrl())
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (credentials.clientSecret() != null) {
            String pair = encode(credentials.clientId()) + ":" + encode(credentials.clientSecret());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            fields.put("client_id", credentials.clientId());
        }
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
