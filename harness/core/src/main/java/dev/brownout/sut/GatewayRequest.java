package dev.brownout.sut;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One task's request to a gateway exactly as the built-in adapter sends it: a {@code POST} of {@code body} (JSON) to
 * {@code url} with {@code headers} ({@code Content-Type}, the key, the dialect's version header, the SUT's own
 * headers). A load tool that sends this request sends what {@code brownout run} sends.
 */
public record GatewayRequest(URI url, Map<String, String> headers, String body) {

    public GatewayRequest {
        Objects.requireNonNull(url, "a URL");
        Objects.requireNonNull(body, "a body");
        headers = Map.copyOf(headers);
    }
}
