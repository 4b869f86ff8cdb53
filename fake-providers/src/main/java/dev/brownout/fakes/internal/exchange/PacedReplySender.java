package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.behaviour.FaultPlan;
import dev.brownout.fakes.behaviour.StallFault;
import dev.brownout.fakes.ledger.CallOutcome;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Sends a planned reply at the serving model's pace — a stream token by token, or a whole body after the
 * same total time — and applies the faults that act on the answer itself: latency around the headers, stall,
 * cut, a missing terminator, mid-stream error, malformed chunk. What was sent is written into the call's
 * ledger draft as it goes; a connection to be closed under the client is left to the endpoint, which closes
 * it once the call is recorded.
 */
final class PacedReplySender {

    private final Dialect dialect;

    PacedReplySender(Dialect dialect) {
        this.dialect = dialect;
    }

    /** When the headers leave and when the first token is due, from the model's own TTFT and the latency faults. */
    private record Timing(long headersAt, long firstTokenAt) {

        static Timing of(CallDraft call, FaultPlan faults, Duration modelTtft) {
            long headersAt = call.arrivalNanos + faults.extraTtft().toNanos();
            long firstTokenAt = headersAt + modelTtft.toNanos() + faults.extraTtftAfterHeaders().toNanos();
            return new Timing(faults.headersFirst() ? headersAt : firstTokenAt, firstTokenAt);
        }
    }

    /** Streams the reply: start frames at time to first token, then one frame per token on schedule. */
    void stream(Context ctx, CallDraft call, Reply reply, FaultPlan faults, Duration modelTtft, long gapNanos) {
        Timing timing = Timing.of(call, faults, modelTtft);
        if (!Pacer.sleepUntil(timing.headersAt())) {
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
            if (faults.headersFirst()) {
                // Commits the headers alone: the client has its 200 and waits for the first byte of the body.
                out.flush();
            }
        } catch (IOException e) {
            call.outcome = CallOutcome.CLIENT_DISCONNECTED;
            return;
        }
        call.status = 200;
        SseWriter writer = new SseWriter(out);
        if (!Pacer.sleepUntil(timing.firstTokenAt())) {
            call.outcome = CallOutcome.CLIENT_DISCONNECTED;
            return;
        }
        call.firstTokenLate(timing.firstTokenAt());
        if (!writer.send(encoder.start())) {
            call.outcome = CallOutcome.CLIENT_DISCONNECTED;
            return;
        }
        // Tokens are paced from when the stream really started: a late start (a loaded machine, a cold JVM)
        // must not be made up by bursting the tokens that were due meanwhile.
        long base = Math.max(timing.firstTokenAt(), System.nanoTime());
        int steps = reply.steps();
        for (int step = 0; step < steps; step++) {
            StallFault stall = faults.stall();
            if (stall != null && step == stall.afterTokens()) {
                base += stall.duration().toNanos();
                if (stall.then() != null) {
                    if (!Pacer.sleepUntil(base + step * gapNanos)) {
                        call.outcome = CallOutcome.CLIENT_DISCONNECTED;
                        return;
                    }
                    cut(call, stall.then());
                    return;
                }
            }
            if (faults.cut() != null && step == faults.cut().afterTokens()) {
                cut(call, faults.cut().mode());
                return;
            }
            if (faults.streamError() != null && step == faults.streamError().afterTokens()) {
                writer.sendLast(encoder.error(InjectedErrors.stream(dialect, faults.streamError(), reply.model())));
                call.outcome = writer.clientGone() ? CallOutcome.CLIENT_DISCONNECTED : CallOutcome.STREAM_ERROR;
                call.errorType = "stream_error:" + faults.streamError().status();
                return;
            }
            if (!Pacer.sleepUntil(base + step * gapNanos)) {
                call.outcome = CallOutcome.CLIENT_DISCONNECTED;
                return;
            }
            call.tokenLate(base + step * gapNanos);
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
        String end = encoder.finish((int) call.outputTokens) + (faults.unterminated() ? "" : encoder.terminator());
        call.outcome = writer.sendLast(end) ? CallOutcome.COMPLETE : CallOutcome.CLIENT_DISCONNECTED;
    }

    /** The stream stops here; a clean cut lets the body end as usual, the others have the endpoint close it. */
    private static void cut(CallDraft call, CutMode mode) {
        call.outcome = CallOutcome.CUT;
        call.abruptEnd = mode == CutMode.CLEAN ? null : mode;
    }

    /** Sends the whole reply once its last token would have been produced. */
    void respond(Context ctx, CallDraft call, Reply reply, FaultPlan faults, Duration modelTtft, long gapNanos,
                 String model) {
        Timing timing = Timing.of(call, faults, modelTtft);
        int steps = reply.steps();
        long done = timing.firstTokenAt() + Math.max(0, steps - 1) * gapNanos;
        StallFault stall = faults.stall() != null && faults.stall().afterTokens() < steps ? faults.stall() : null;
        if (stall != null) {
            done += stall.duration().toNanos();
        }
        if (faults.streamError() != null && faults.streamError().afterTokens() < steps) {
            // A non-streaming call has no stream to break: the upstream failure surfaces as its HTTP status,
            // which is why its headers are not sent early.
            Pacer.sleepUntil(timing.firstTokenAt() + faults.streamError().afterTokens() * gapNanos);
            ErrorReply error = InjectedErrors.stream(dialect, faults.streamError(), model);
            call.failed(error);
            dialect.writeError(ctx, error);
            return;
        }
        boolean headersSent = false;
        if (faults.headersFirst()) {
            if (!Pacer.sleepUntil(timing.headersAt()) || !sendHeaders(ctx)) {
                call.outcome = CallOutcome.CLIENT_DISCONNECTED;
                return;
            }
            headersSent = true;
            call.status = 200;
        }
        // Where the body stops short: a stall that ends the answer stops it at its token once the stall is
        // over, a cut at its token when the whole body would have been sent.
        Integer cutTokens = null;
        CutMode cutMode = null;
        long sendAt = done;
        if (stall != null && stall.then() != null) {
            cutTokens = stall.afterTokens();
            cutMode = stall.then();
            sendAt = timing.firstTokenAt() + stall.afterTokens() * gapNanos + stall.duration().toNanos();
        }
        if (faults.cut() != null && faults.cut().afterTokens() < steps
                && (cutTokens == null || faults.cut().afterTokens() < cutTokens)) {
            cutTokens = faults.cut().afterTokens();
            cutMode = faults.cut().mode();
            sendAt = done;
        }
        if (!Pacer.sleepUntil(sendAt)) {
            call.outcome = CallOutcome.CLIENT_DISCONNECTED;
            return;
        }
        call.firstTokenLate(sendAt);
        byte[] body = dialect.body(reply);
        call.status = 200;
        call.firstTokenNow();
        ctx.status(200);
        ctx.res().setContentType("application/json");
        if (cutTokens != null) {
            int sentBytes = (int) ((long) body.length * cutTokens / Math.max(1, steps));
            call.outputTokens = (long) cutTokens * reply.choices().size();
            call.outcome = writePartial(ctx, body, sentBytes, headersSent)
                    ? CallOutcome.CUT : CallOutcome.CLIENT_DISCONNECTED;
            // A body short of its length can only end broken: RST when asked for, FIN otherwise.
            call.abruptEnd = cutMode == CutMode.RESET ? CutMode.RESET : CutMode.ABORT;
            return;
        }
        if (faults.malformedChunk() != null && faults.malformedChunk().afterTokens() < steps) {
            byte[] broken = Arrays.copyOf(body, Math.max(1, body.length / 2));
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

    /** Sends a 200's headers now, before its body exists; the body then goes chunked. */
    private static boolean sendHeaders(Context ctx) {
        try {
            ctx.status(200);
            ctx.res().setContentType("application/json");
            ctx.res().flushBuffer();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends only the first {@code length} bytes of the body; unless the headers are already out, Content-Length
     * promises the whole of it, as an upstream that dies mid-body had promised.
     */
    private static boolean writePartial(Context ctx, byte[] body, int length, boolean headersSent) {
        try {
            if (!headersSent) {
                ctx.res().setContentLength(body.length);
            }
            OutputStream out = ctx.res().getOutputStream();
            out.write(body, 0, length);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
