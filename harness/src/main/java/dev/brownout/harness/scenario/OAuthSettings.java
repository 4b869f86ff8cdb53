package dev.brownout.harness.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.DurationText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The world's OAuth server as the scenario declares it ({@code world.oauth}). Kept as the JSON document
 * the OAuth server's own configuration reads, so the fakes stay the one place that gives it meaning;
 * this record only reads what the scenario's checks and time scaling need.
 */
public record OAuthSettings(ObjectNode document) {

    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofSeconds(60);
    static final Duration DEFAULT_REFRESH_TOKEN_TTL = Duration.ofHours(24);
    static final Duration DEFAULT_AUTHORIZATION_CODE_TTL = Duration.ofSeconds(60);

    public OAuthSettings {
        document = document.deepCopy();
    }

    @Override
    public ObjectNode document() {
        return document.deepCopy();
    }

    public Duration tokenTtl() {
        JsonNode ttl = document.get("token_ttl");
        return ttl == null ? DEFAULT_TOKEN_TTL : DurationText.parse(ttl.asText());
    }

    /** The client ids declared, in order; empty when the server's default client is used. */
    public List<String> clientIds() {
        List<String> ids = new ArrayList<>();
        document.path("clients").forEach(client -> ids.add(client.path("client_id").asText()));
        return ids;
    }

    OAuthSettings scaled(double factor) {
        ObjectNode copy = document.deepCopy();
        BehaviourScaling.durationField(copy, "token_ttl", DEFAULT_TOKEN_TTL, factor);
        BehaviourScaling.durationField(copy, "refresh_token_ttl", DEFAULT_REFRESH_TOKEN_TTL, factor);
        BehaviourScaling.durationField(copy, "authorization_code_ttl", DEFAULT_AUTHORIZATION_CODE_TTL, factor);
        return new OAuthSettings(copy);
    }
}
