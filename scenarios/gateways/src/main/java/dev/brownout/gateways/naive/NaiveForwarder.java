package dev.brownout.gateways.naive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.gateways.BoundedRead;
import dev.brownout.gateways.ChatEvents;
import dev.brownout.gateways.ChatForwarder;
import dev.brownout.gateways.ClientReplies;
import dev.brownout.gateways.Timeouts;
import dev.brownout.gateways.Upstream;
import dev.brownout.gateways.UpstreamFailure;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;

/** One attempt at the one upstream; its answer, good or bad, is the caller's answer. */
final class NaiveForwarder implements ChatForwarder {

    private final Upstream upstream;
    private final Timeouts timeouts;

    NaiveForwarder(Upstream upstream, Timeouts timeouts) {
        this.upstream = upstream;
        this.timeouts = timeouts;
    }

    @Override
    public void forward(Context ctx, ObjectNode request) {
        boolean stream = request.path("stream").asBoolean(false);
        try {
            Upstream.Answer answer = upstream.send(request, timeouts.attempt());
            if (stream && answer.status() == 200) {
                ChatEvents events = answer.callerEvents();
                String first = BoundedRead.within(timeouts.attempt(), answer, "waiting for the first event", events::next);
                ClientReplies.relayStream(ctx, answer, events, first);
                return;
            }
            try (answer) {
                ClientReplies.relayWhole(ctx, answer, BoundedRead.wholeBody(answer, timeouts.attempt()));
            }
        } catch (UpstreamFailure failure) {
            int status = failure.kind() == UpstreamFailure.Kind.TIMEOUT ? 504 : 502;
            ClientReplies.error(ctx, status, "api_error", failure.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
