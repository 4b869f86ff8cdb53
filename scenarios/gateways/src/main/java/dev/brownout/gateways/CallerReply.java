package dev.brownout.gateways;

import java.util.Map;

/** A whole (non-streamed) answer as the caller receives it: OpenAI-shaped, with the headers worth relaying. */
public record CallerReply(int status, Map<String, String> headers, byte[] body) {

    public CallerReply {
        headers = Map.copyOf(headers);
    }
}
