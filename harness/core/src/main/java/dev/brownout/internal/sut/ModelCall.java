package dev.brownout.internal.sut;

import dev.brownout.sut.GatewayRequest;
import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutReply;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * One call of a dialect's model: a request sent, its reply read whole or streamed, as {@link HttpDialectSut#send}
 * does it; a refusal keeps its status and body, and a body that breaks off is an {@link AbortedReplyException}.
 *
 * @param reply   what the call's caller sees
 * @param replyId the id the server gave the reply, when asked for and given; else null
 */
record ModelCall(SutReply reply, String replyId) {

    /**
     * @param wantReplyId whether to read the reply's id too (a tool loop continuing by it); a plain send does not,
     *                    so it reads a whole body only once
     */
    static ModelCall send(HttpDialectSut dialect, GatewayRequest sent, boolean stream, Duration timeout,
                          boolean wantReplyId) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(sent.url())
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(sent.body()));
        sent.headers().forEach(builder::header);
        if (!stream) {
            HttpResponse<InputStream> response = dialect.http().send(builder.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (!GatewayHttp.succeeded(response)) {
                return new ModelCall(GatewayHttp.refusalOf(response), null);
            }
            String body = GatewayHttp.wholeBody(response);
            SutReply reply = dialect.readWhole(response.statusCode(), body, System.nanoTime());
            return new ModelCall(reply, wantReplyId ? GatewayHttp.replyId(body) : null);
        }
        HttpResponse<Stream<String>> response = dialect.http().send(builder.build(), HttpResponse.BodyHandlers.ofLines());
        if (!GatewayHttp.succeeded(response)) {
            return new ModelCall(GatewayHttp.refusal(response), null);
        }
        ReplyStream reader = dialect.readStream();
        GatewayHttp.readEvents(response, reader);
        return new ModelCall(reader.end(response.statusCode()),
                reader instanceof EventStreamReader events ? events.replyId() : null);
    }
}
