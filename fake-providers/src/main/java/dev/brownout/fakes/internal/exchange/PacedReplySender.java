package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.behaviour.FaultPlan;
import dev.brownout.fakes.behaviour.StallFault;
import dev.brownout.fakes.ledger.CallOutcome;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Sends a planned reply at the serving model's pace — a stream token by token, or a whole body after the
 * same total time — and applies the faults that act on the answer itself: latency around the headers, stall,
 * cut, a missing terminator, mid-stream error, malformed chunk. No thread waits for a reply: each waits on the
 * provider's {@link StreamScheduler} for its next instant, and what is due by then goes out in one write. What
 * was sent is written into the call's ledger draft as it goes, and the call is recorded before the client can
 * see the end of its answer (the last bytes, or the connection closed under it).
 */
final class PacedReplySender {

    private static final byte[] NOTHING = new byte[0];

    private final Dialect dialect;
    private final StreamScheduler scheduler;
    private final Consumer<CallDraft> recorder;

    PacedReplySender(Dialect dialect, StreamScheduler scheduler, Consumer<CallDraft> recorder) {
        this.dialect = dialect;
        this.scheduler = scheduler;
        this.recorder = recorder;
    }

    /** When the headers leave and when the first token is due, from the model's own TTFT and the latency faults. */
    private record Timing(long headersAt, long firstTokenAt) {

        static Timing of(CallDraft call, FaultPlan faults, Duration modelTtft) {
            long headersAt = call.arrivalNanos + faults.extraTtft().toNanos();
            long firstTokenAt = headersAt + modelTtft.toNanos() + faults.extraTtftAfterHeaders().toNanos();
            return new Timing(faults.headersFirst() ? headersAt : firstTokenAt, firstTokenAt);
        }
    }

    /**
     * Runs {@code task} at the instant: here and now when it is due (or as nearly due as the scheduler's own
     * passes allow), else on the scheduler's thread.
     */
    private void at(long instant, Runnable task) {
        if (instant - System.nanoTime() <= StreamScheduler.EARLY_NANOS) {
            task.run();
        } else {
            scheduler.at(instant, task);
        }
    }

    /** Streams the reply: start frames at time to first token, then the frames of each token on schedule. */
    void stream(CoreExchange exchange, CallDraft call, Reply reply, FaultPlan faults, Duration modelTtft,
                long gapNanos) {
        new PacedStream(exchange, call, reply, faults, Timing.of(call, faults, modelTtft), gapNanos).begin();
    }

    /** Sends the whole reply once its last token would have been produced. */
    void respond(CoreExchange exchange, CallDraft call, Reply reply, FaultPlan faults, Duration modelTtft,
                 long gapNanos, String model) {
        new PacedBody(exchange, call, reply, faults, Timing.of(call, faults, modelTtft), gapNanos, model).begin();
    }

    /** Holds a hung request without a thread: released after {@code hold}, then {@code release} runs. */
    void hold(Duration hold, Runnable release) {
        scheduler.at(System.nanoTime() + hold.toNanos(), release);
    }

    private void record(CallDraft call) {
        recorder.accept(call);
    }

    /** One stream in flight: where it is in its reply, resumed by the scheduler at each instant it waits for. */
    private final class PacedStream {

        private final CoreExchange exchange;
        private final CallDraft call;
        private final Reply reply;
        private final FaultPlan faults;
        private final Timing timing;
        private final long gapNanos;
        private final StreamEncoder encoder;
        private final int steps;
        private final FrameBuffer due = new FrameBuffer();
        private long base;
        private int step;
        private boolean stallApplied;

        PacedStream(CoreExchange exchange, CallDraft call, Reply reply, FaultPlan faults, Timing timing, long gapNanos) {
            this.exchange = exchange;
            this.call = call;
            this.reply = reply;
            this.faults = faults;
            this.timing = timing;
            this.gapNanos = gapNanos;
            this.encoder = dialect.streamEncoder(reply);
            this.steps = reply.steps();
        }

        void begin() {
            at(timing.headersAt(), this::headers);
        }

        private void headers() {
            exchange.status(200);
            exchange.header("Content-Type", "text/event-stream; charset=utf-8");
            exchange.header("Cache-Control", "no-cache");
            if (faults.headersFirst()) {
                // Commits the headers alone: the client has its 200 and waits for the first byte of the body.
                exchange.commit();
            }
            call.status = 200;
            at(timing.firstTokenAt(), this::start);
        }

        private void start() {
            if (exchange.clientGone()) {
                disconnected();
                return;
            }
            due.append(encoder.start());
            // Tokens are paced from when the stream really started: a late start (a loaded machine, a cold JVM)
            // must not be made up by bursting the tokens that were due meanwhile.
            base = Math.max(timing.firstTokenAt(), System.nanoTime());
            advance();
        }

        /** Sends every token due by now in one write, then waits for the next instant or ends the stream. */
        private void advance() {
            if (exchange.clientGone()) {
                disconnected();
                return;
            }
            long now = System.nanoTime();
            StallFault stall = faults.stall();
            while (step < steps) {
                if (!stallApplied && stall != null && step == stall.afterTokens()) {
                    stallApplied = true;
                    base += stall.duration().toNanos();
                }
                long dueAt = base + step * gapNanos;
                if (stallApplied && stall.then() != null && step == stall.afterTokens()) {
                    if (waitUntil(dueAt, now)) {
                        return;
                    }
                    cut(stall.then());
                    return;
                }
                if (faults.cut() != null && step == faults.cut().afterTokens()) {
                    cut(faults.cut().mode());
                    return;
                }
                if (faults.streamError() != null && step == faults.streamError().afterTokens()) {
                    due.append(encoder.error(InjectedErrors.stream(dialect, faults.streamError(), reply.model())));
                    call.outcome = exchange.clientGone() ? CallOutcome.CLIENT_DISCONNECTED : CallOutcome.STREAM_ERROR;
                    call.errorType = "stream_error:" + faults.streamError().status();
                    end();
                    return;
                }
                if (waitUntil(dueAt, now)) {
                    return;
                }
                call.tokenSent(now - (step == 0 ? timing.firstTokenAt() : dueAt));
                if (faults.malformedChunk() != null && step == faults.malformedChunk().afterTokens()) {
                    due.append(encoder.malformed());
                }
                int sent = 0;
                for (ChoicePlan choice : reply.choices()) {
                    if (step < choice.tokenCount()) {
                        encoder.step(choice.index(), step, choice.pieceAt(step), due);
                        sent++;
                    }
                }
                call.firstTokenNow();
                call.outputTokens += sent;
                step++;
            }
            due.append(encoder.finish((int) call.outputTokens));
            if (!faults.unterminated()) {
                due.append(encoder.terminator());
            }
            call.outcome = exchange.clientGone() ? CallOutcome.CLIENT_DISCONNECTED : CallOutcome.COMPLETE;
            end();
        }

        /** When {@code dueAt} is still ahead: sends what is due so far and comes back then (true). */
        private boolean waitUntil(long dueAt, long now) {
            if (dueAt - now <= StreamScheduler.EARLY_NANOS) {
                return false;
            }
            sendDue();
            scheduler.at(dueAt, this::advance);
            return true;
        }

        /** The stream stops here; a clean cut lets the body end as usual, the others close the connection. */
        private void cut(CutMode mode) {
            sendDue();
            call.outcome = CallOutcome.CUT;
            record(call);
            if (mode == CutMode.CLEAN) {
                exchange.end(NOTHING);
            } else {
                exchange.closeUnder(mode);
            }
        }

        private void end() {
            record(call);
            exchange.end(due.array(), 0, due.length());
            due.clear();
        }

        private void disconnected() {
            call.outcome = CallOutcome.CLIENT_DISCONNECTED;
            record(call);
            exchange.end(NOTHING);
        }

        private void sendDue() {
            exchange.send(due.array(), 0, due.length());
            due.clear();
        }
    }

    /** One non-streaming answer waiting for the instant its body (or its failure) is due. */
    private final class PacedBody {

        private final CoreExchange exchange;
        private final CallDraft call;
        private final Reply reply;
        private final FaultPlan faults;
        private final Timing timing;
        private final long gapNanos;
        private final String model;
        private final int steps;
        private boolean headersSent;
        private Integer cutTokens;
        private CutMode cutMode;

        PacedBody(CoreExchange exchange, CallDraft call, Reply reply, FaultPlan faults, Timing timing, long gapNanos,
                  String model) {
            this.exchange = exchange;
            this.call = call;
            this.reply = reply;
            this.faults = faults;
            this.timing = timing;
            this.gapNanos = gapNanos;
            this.model = model;
            this.steps = reply.steps();
        }

        void begin() {
            long done = timing.firstTokenAt() + Math.max(0, steps - 1) * gapNanos;
            StallFault stall = faults.stall() != null && faults.stall().afterTokens() < steps ? faults.stall() : null;
            if (stall != null) {
                done += stall.duration().toNanos();
            }
            if (faults.streamError() != null && faults.streamError().afterTokens() < steps) {
                // A non-streaming call has no stream to break: the upstream failure surfaces as its HTTP status,
                // which is why its headers are not sent early.
                at(timing.firstTokenAt() + faults.streamError().afterTokens() * gapNanos, this::failUpstream);
                return;
            }
            // Where the body stops short: a stall that ends the answer stops it at its token once the stall is
            // over, a cut at its token when the whole body would have been sent.
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
            byte[] body = dialect.body(reply);
            long bodyAt = sendAt;
            if (faults.headersFirst()) {
                at(timing.headersAt(), () -> {
                    exchange.status(200);
                    exchange.header("Content-Type", "application/json");
                    exchange.commit();
                    headersSent = true;
                    call.status = 200;
                    at(bodyAt, () -> send(body));
                });
            } else {
                at(bodyAt, () -> send(body));
            }
        }

        private void failUpstream() {
            ErrorReply error = InjectedErrors.stream(dialect, faults.streamError(), model);
            call.failed(error);
            dialect.writeError(exchange, error);
            record(call);
            exchange.sendResult();
        }

        private void send(byte[] body) {
            if (exchange.clientGone()) {
                call.outcome = CallOutcome.CLIENT_DISCONNECTED;
                record(call);
                exchange.end(NOTHING);
                return;
            }
            call.status = 200;
            call.firstTokenNow();
            exchange.status(200);
            if (cutTokens != null) {
                int sentBytes = (int) ((long) body.length * cutTokens / Math.max(1, steps));
                call.outputTokens = (long) cutTokens * reply.choices().size();
                call.outcome = CallOutcome.CUT;
                if (!headersSent) {
                    // Content-Length promises the whole body, as an upstream that dies mid-body had promised.
                    exchange.header("Content-Type", "application/json");
                    exchange.header("Content-Length", Integer.toString(body.length));
                }
                exchange.commit();
                exchange.send(Arrays.copyOf(body, sentBytes));
                record(call);
                // A body short of its length can only end broken: RST when asked for, FIN otherwise.
                exchange.closeUnder(cutMode == CutMode.RESET ? CutMode.RESET : CutMode.ABORT);
                return;
            }
            if (faults.malformedChunk() != null && faults.malformedChunk().afterTokens() < steps) {
                call.outputTokens = reply.outputTokens();
                call.outcome = CallOutcome.MALFORMED;
                exchange.result("application/json", Arrays.copyOf(body, Math.max(1, body.length / 2)));
            } else {
                call.outputTokens = reply.outputTokens();
                call.outcome = CallOutcome.COMPLETE;
                exchange.result("application/json", body);
            }
            record(call);
            exchange.sendResult();
        }
    }
}
