package dev.brownout.gateways;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Map;

/** What to POST to an upstream: where, with which headers (credentials included), and the JSON body. */
public record UpstreamRequest(URI url, Map<String, String> headers, JsonNode body) {

    public UpstreamRequest {
        headers = Map.copyOf(headers);
    }
}
