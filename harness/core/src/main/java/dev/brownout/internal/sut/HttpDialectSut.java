package dev.brownout.internal.sut;

import dev.brownout.sut.GatewayRequest;
import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;

/**
 * An adapter that speaks an LLM API over HTTP, split into the parts a load tool can use on its own: the request it
 * sends for a task, and how it reads a reply, whole or streamed. The adapter's own {@link #send} is built on the
 * same parts, so a load tool using them sends and reads exactly what {@code brownout run} does.
 */
public interface HttpDialectSut extends SutClient {

    /** The adapter's name in SUT files: {@code openai-chat}, {@code anthropic-messages}. */
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
}
