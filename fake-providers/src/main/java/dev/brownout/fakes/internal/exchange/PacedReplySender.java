package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.behaviour.FaultPlan;
import dev.brownout.fakes.ledger.CallOutcome;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Sends a planned reply at the serving model's pace — a stream token by token, or a whole body after the
 * same total time — and applies the faults that act on the answer itself: stall, cut, mid-stream error,
 * malformed chunk. What was sent is written into the call's ledger draft as it goes.
 */
final class PacedReplySender {

    private final Dialect dialect;

    PacedReplySender(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Streams the reply: start frames at time to first token, then one frame per token on schedule. */
    void stream(Context ctx, CallDraft call, Reply reply, FaultPlan faults, Duration ttft, long gapNanos) {
        long base = call.arrivalNanos + ttft.toNanos();
        if (!Pacer.sleepUntil(base)) {
            call.outcome = CallOutcome.CLIENT_DISCONNECTED;
            return;
        }
        StreamEncoder encoder = dialect.streamEncoder(reply);
        OutputStream out;
        try {
            ctx.status(200);
            ctx.res().setContentType("text/event-stream; charset=utf-8");
            ctx.res().setHeader("Cache-Control", "no-cache");
            out = ctx.res().getOutputStream();
        } catch (IOException e) {
            call.outcome = CallOutcome.CLIENT_DISCONNECTED;
            return;
        }
        call.status = 200;
        SseWriter writer = new SseWriter(out);
        if (!writer.send(encoder.start())) {
            call.outcome = CallOutcome.CLIENT_DISCONNECTED;
            return;
        }
        // Tokens are paced from when the stream really started: a late start (a loaded machine, a cold JVM)
        // must not be made up by bursting the tokens that were due meanwhile.
        base = Math.max(base, System.nanoTime());
        int steps = reply.steps();
        for (int step = 0; step < steps; step++) {
            if (faults.stall() != null && step == faults.stall().afterTokens()) {
                base += faults.stall().duration().toNanos();
            }
            if (faults.cut() != null && step == faults.cut().afterTokens()) {
                call.outcome = CallOutcome.CUT;
                return;
            }
            if (faults.streamError() != null && step == faults.streamError().afterTokens()) {
                ErrorReply error = dialect.errorFor(faults.streamError().status(), reply.model());
                if (faults.streamError().message() != null) {
                    error = error.withMessage(faults.streamError().message());
                }
                writer.sendLast(encoder.error(error));
                call.outcome = writer.clientGone() ? CallOutcome.CLIENT_DISCONNECTED : CallOutcome.STREAM_ERROR;
                call.errorType = "stream_error:" + faults.streamError().status();
                return;
            }
            if (!Pacer.sleepUntil(base + step * gapNanos)) {
                call.outcome = CallOutcome.CLIENT_DISCONNECTED;
                return;
            }
            if (faults.malformedChunk() != null && step == faults.malformedChunk().afterTokens()
                    && !writer.send(encoder.malformed())) {
                call.outcome = CallOutcome.CLIENT_DISCONNECTED;
                return;
            }
            StringBuilder frames = new StringBuilder();
            int sent = 0;
            for (ChoicePlan choice : reply.choices()) {
                if (step < choice.tokenCount()) {
                    frames.append(encoder.step(choice.index(), step, choice.pieceAt(step)));
                    sent++;
                }
            }
            if (!writer.send(frames.toString())) {
                call.outcome = CallOutcome.CLIENT_DISCONNECTED;
                return;
            }
            call.firstTokenNow();
            call.outputTokens += sent;
        }
        if (writer.sendLast(encoder.finish((int) call.outputTokens))) {
            call.outcome = CallOutcome.COMPLETE;
        } else {
            call.outcome = CallOutcome.CLIENT_DISCONNECTED;
        }
    }

    /** Sends the whole reply once its last token would have been produced. */
    void respond(Context ctx, CallDraft call, Reply reply, FaultPlan faults, Duration ttft, long gapNanos,
                         String model) {
        int steps = reply.steps();
        long done = call.arrivalNanos + ttft.toNanos() + Math.max(0, steps - 1) * gapNanos;
        if (faults.stall() != null && faults.stall().afterTokens() < steps) {
            done += faults.stall().duration().toNanos();
        }
        if (faults.streamError() != null && faults.streamError().afterTokens() < steps) {
            // A non-streaming call has no stream to break: the upstream failure surfaces as its HTTP status.
            Pacer.sleepUntil(call.arrivalNanos + ttft.toNanos() + faults.streamError().afterTokens() * gapNanos);
            ErrorReply error = dialect.errorFor(faults.streamError().status(), model);
            call.failed(error);
            dialect.writeError(ctx, error);
            return;
        }
        if (!Pacer.sleepUntil(done)) {
            call.outcome = CallOutcome.CLIENT_DISCONNECTED;
            return;
        }
        byte[] body = dialect.body(reply);
        call.status = 200;
        call.firstTokenNow();
        ctx.status(200);
        ctx.res().setContentType("application/json");
        if (faults.cut() != null && faults.cut().afterTokens() < steps) {
            // Content-Length promises the whole body; stopping short makes Jetty abort the connection,
            // which is what a client sees when an upstream dies mid-body.
            int sentBytes = (int) ((long) body.length * faults.cut().afterTokens() / Math.max(1, steps));
            call.outputTokens = (long) faults.cut().afterTokens() * reply.choices().size();
            call.outcome = writePartial(ctx, body, sentBytes) ? CallOutcome.CUT : CallOutcome.CLIENT_DISCONNECTED;
            return;
        }
        if (faults.malformedChunk() != null && faults.malformedChunk().afterTokens() < steps) {
            byte[] broken = java.util.Arrays.copyOf(body, Math.max(1, body.length / 2));
            call.outputTokens = reply.outputTokens();
            call.outcome = CallOutcome.MALFORMED;
            ctx.result(broken);
            return;
        }
        call.outputTokens = reply.outputTokens();
        // Javalin writes the result after this handler returns, so the ledger entry exists before the
        // client can read the answer.
        call.outcome = CallOutcome.COMPLETE;
        ctx.result(body);
    }

    /** Promises the whole body in Content-Length and sends only its first {@code length} bytes. */
    private static boolean writePartial(Context ctx, byte[] body, int length) {
        try {
            ctx.res().setContentLength(body.length);
            OutputStream out = ctx.res().getOutputStream();
            out.write(body, 0, length);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
