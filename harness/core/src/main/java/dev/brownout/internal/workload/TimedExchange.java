package dev.brownout.internal.workload;

import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One exchange with the SUT, bounded by the task's timeout, timed against the run's origin. */
public final class TimedExchange {

    /** The error class of an exchange whose stream carried an error event. */
    static final String STREAM_ERROR = "stream_error";

    private TimedExchange() {
    }

    /**
     * Sends one request on its own virtual thread and waits for it until {@code intended + timeout}; a call
     * still running then is interrupted and abandoned, and the exchange is a timeout. Interrupting the
     * calling thread (the run is being stopped) abandons the call too and records the exchange as aborted.
     */
    static Exchange run(SutRequest request, long intended, long origin, SutClient sut, ExecutorService sutCalls,
                        Duration timeout) {
        long started = System.nanoTime() - origin;
        Future<SutReply> call = sutCalls.submit(() -> sut.send(request));
        long deadline = origin + intended + timeout.toNanos();
        try {
            SutReply reply = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            long ended = System.nanoTime() - origin;
            long firstByte = reply.firstByteNanos() > 0 ? reply.firstByteNanos() - origin : -1;
            return ofReply(request, reply, intended, started, firstByte, ended);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Exchange(request.taskId(), intended, started, -1, System.nanoTime() - origin,
                    Exchange.TIMEOUT, 0, "timeout", null, null, false);
        } catch (ExecutionException e) {
            if (Thread.currentThread().isInterrupted()) {
                // the stop interrupted this thread and then the call, and the call's failure was seen first:
                // the run ended the exchange, the SUT did not fail it
                return aborted(request, intended, started, origin);
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Exchange(request.taskId(), intended, started, -1, System.nanoTime() - origin,
                    Exchange.ERROR, 0, cause.getClass().getSimpleName(), null, null, false);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return aborted(request, intended, started, origin);
        }
    }

    /**
     * A reply that arrived: answered when the caller got a success (a 2xx status and no error event), judged
     * for completeness by {@link ReplyCompleteness}; an error otherwise.
     */
    public static Exchange ofReply(SutRequest request, SutReply reply, long intended, long started, long firstByte,
                            long ended) {
        boolean errorEvent = reply.ending() == SutReply.Ending.ERROR_EVENT;
        boolean ok = reply.status() >= 200 && reply.status() < 300 && !errorEvent;
        String truncation = ok ? ReplyCompleteness.incompleteness(reply, request.prompt()) : null;
        String errorClass = ok ? null : errorEvent ? STREAM_ERROR : "http_" + reply.status();
        return new Exchange(request.taskId(), intended, started, firstByte, ended,
                ok ? Exchange.ANSWERED : Exchange.ERROR, reply.status(), errorClass, reply.answer(), reply.model(),
                truncation != null, truncation, reply.finishReason(), reply.usage(), reply.ending(),
                reply.malformedEvents());
    }

    private static Exchange aborted(SutRequest request, long intended, long started, long origin) {
        return new Exchange(request.taskId(), intended, started, -1, System.nanoTime() - origin,
                Exchange.ABORTED, 0, "run_stopped", null, null, false);
    }
}
