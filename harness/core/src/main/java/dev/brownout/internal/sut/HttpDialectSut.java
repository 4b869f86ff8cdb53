package dev.brownout.internal.sut;

import dev.brownout.sut.GatewayRequest;
import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

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
    @Override
    default SutReply send(SutRequest request) throws IOException, InterruptedException {
        GatewayRequest sent = request(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(sent.url())
                .timeout(request.timeout())
                .POST(HttpRequest.BodyPublishers.ofString(sent.body()));
        sent.headers().forEach(builder::header);
        if (!request.stream()) {
            HttpResponse<InputStream> response = http().send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (!GatewayHttp.succeeded(response)) {
                return GatewayHttp.refusalOf(response);
            }
            String body = GatewayHttp.wholeBody(response);
            return readWhole(response.statusCode(), body, System.nanoTime());
        }
        HttpResponse<Stream<String>> response = http().send(builder.build(), HttpResponse.BodyHandlers.ofLines());
        if (!GatewayHttp.succeeded(response)) {
            return GatewayHttp.refusal(response);
        }
        ReplyStream reader = readStream();
        GatewayHttp.readEvents(response, reader);
        return reader.end(response.statusCode());
    }
}
