package dev.brownout.gateways;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.net.http.HttpHeaders;

/**
 * How a caller's OpenAI chat request is put to an upstream of one dialect, and how that upstream's answer
 * goes back to the caller in OpenAI's shape. Both gateways forward through it, whatever their policy.
 */
public interface DialectTranslator {

    /**
     * The upstream request for {@code chatRequest}, which already names the upstream's model.
     *
     * @param secret the API key or OAuth access token to present, as {@code upstream} says which it is
     * @throws UntranslatableRequestException when the request uses what this dialect cannot be asked for
     */
    UpstreamRequest request(UpstreamConfig upstream, ObjectNode chatRequest, String secret);

    /** A non-streamed answer, success or error, as the caller is to receive it. */
    CallerReply reply(int status, HttpHeaders headers, byte[] body);

    /** A stream the upstream accepted (status 200) as the caller's Chat Completions events. */
    ChatEvents events(InputStream body, ObjectNode chatRequest);
}
