package dev.brownout.internal.sut;

import dev.brownout.sut.GatewayRequest;
import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;

/**
 * An adapter that speaks an LLM API over HTTP, split into the parts a load tool can use on its own: the request it
 * sends for a task, and how it reads a reply, whole or streamed. The adapter's own {@link #send} is built on the
 * same parts, so a load tool using them sends and reads exactly what {@code brownout run} does.
 */
public interface HttpDialectSut extends SutClient {

    /** The adapter's name in SUT files: {@code openai-chat}, {@code openai-responses}, {@code anthropic-messages}. */
    String adapterName();

    /** The request the adapter sends for {@code request}. */
    GatewayRequest request(SutRequest request);

    /**
     * Reads a reply that was not streamed: a refusal (a status other than 2xx) keeps its body as the answer.
     *
     * @throws UnreadableReplyException when a 2xx body is not the dialect's JSON
     */
    SutReply readWhole(int status, String body, long arrivedNanos) throws UnreadableReplyException;

    /** A reader for one streamed reply. */
    ReplyStream readStream();

    /** The client the adapter sends with: HTTP/1.1, as gateways serve server-sent events. */
    HttpClient http();

    /**
     * Sends {@link #request} and reads the reply with {@link #readWhole} or {@link #readStream()}; a refusal keeps
     * its status and body, and a body that breaks off is an {@link AbortedReplyException}.
     */
    /**
     * The request that continues {@code request} after {@code rounds}: the model's replies that called tools and the
     * results sent back for them, in the dialect's shape, the request's tools offered again. Without it an adapter
     * cannot take part in a {@link ToolLoop}.
     *
     * @throws UnsupportedOperationException when the adapter cannot continue a conversation
     */
    default GatewayRequest followUp(SutRequest request, List<ToolRound> rounds) {
        throw new UnsupportedOperationException("the " + adapterName() + " adapter cannot send tool results back");
    }

    /**
     * Sends {@link #request} and reads the reply with {@link #readWhole} or {@link #readStream()}; a refusal keeps
     * its status and body, and a body that breaks off is an {@link AbortedReplyException}. Tools are offered but
     * not run: a reply that calls them is returned as it is (see {@link ToolLoop}).
     */
    @Override
    default SutReply send(SutRequest request) throws IOException, InterruptedException {
        return ModelCall.send(this, request(request), request.stream(), request.timeout(), false).reply();
    }
}
