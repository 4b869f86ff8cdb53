package dev.brownout.gateways.resilient;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.gateways.BoundedRead;
import dev.brownout.gateways.ChatEvents;
import dev.brownout.gateways.ChatForwarder;
import dev.brownout.gateways.ClientReplies;
import dev.brownout.gateways.RetryPolicy;
import dev.brownout.gateways.Timeouts;
import dev.brownout.gateways.Upstream;
import dev.brownout.gateways.UpstreamFailure;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tries the upstreams in order. On a retryable status the same upstream is tried again after the wait it
 * asked for (or a jittered backoff), up to the policy's retries; after that, and at once on a timeout or
 * a broken connection, the next upstream is tried. An upstream whose breaker is open is skipped. A 401 on
 * an OAuth upstream drops its token and tries once more with a fresh one; other 4xx go back to the caller,
 * since another upstream would refuse the same request. A stream is committed to once its first event has
 * arrived: from then on the caller gets that stream, whole or not.
 */
final class ResilientForwarder implements ChatForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientForwarder.class);

    private final List<GuardedUpstream> upstreams;
    private final Timeouts timeouts;
    private final RetryPolicy policy;
    private final RetryDelay delay;

    ResilientForwarder(List<GuardedUpstream> upstreams, Timeouts timeouts, RetryPolicy policy, RetryDelay delay) {
        this.upstreams = List.copyOf(upstreams);
        this.timeouts = timeouts;
        this.policy = policy;
        this.delay = delay;
    }

    /** What one attempt came to. */
    private sealed interface Outcome {
    }

    /** The caller has been answered (a success, or an error retrying cannot fix). */
    private record Answered() implements Outcome {
    }

    /** The upstream answered with a status worth retrying or failing over on; its answer is kept to relay if all fail. */
    private record RetryableStatus(Upstream.Answer answer, byte[] body) implements Outcome {
    }

    /** The upstream refused the bearer, and a fresh one may do. */
    private record BearerRefused(Upstream.Answer answer, byte[] body) implements Outcome {
    }

    /** No answer: a timeout, a broken connection, no token. */
    private record NoAnswer(UpstreamFailure failure) implements Outcome {
    }

    @Override
    public void forward(Context ctx, ObjectNode request) {
        boolean stream = request.path("stream").asBoolean(false);
        Outcome last = null;
        int attempts = 0;
        for (GuardedUpstream guarded : upstreams) {
            int onThisUpstream = 0;
            boolean bearerRetried = false;
            while (attempts < policy.maxAttempts()) {
                if (!guarded.breaker().tryAcquirePermission()) {
                    LOG.debug("skipping {}: its circuit is {}", guarded.name(), guarded.breaker().getState());
                    break;
                }
                attempts++;
                onThisUpstream++;
                long started = System.nanoTime();
                Outcome outcome = attempt(ctx, guarded.upstream(), request, stream);
                long took = System.nanoTime() - started;
                switch (outcome) {
                    case Answered answered -> {
                        guarded.breaker().onSuccess(took, TimeUnit.NANOSECONDS);
                        return;
                    }
                    case BearerRefused refused -> {
                        guarded.breaker().onSuccess(took, TimeUnit.NANOSECONDS);
                        if (bearerRetried || !guarded.upstream().bearerRefused(refused.answer())) {
                            relay(ctx, refused.answer(), refused.body());
                            return;
                        }
                        last = refused;
                        bearerRetried = true;
                        onThisUpstream--;
                        continue;
                    }
                    case RetryableStatus failed -> {
                        guarded.breaker().onError(took, TimeUnit.NANOSECONDS,
                                new IOException(guarded.name() + " answered " + failed.answer().status()));
                        last = failed;
                    }
                    case NoAnswer failed -> {
                        guarded.breaker().onError(took, TimeUnit.NANOSECONDS, failed.failure());
                        last = failed;
                    }
                }
                if (!(last instanceof RetryableStatus status) || onThisUpstream > policy.retriesPerUpstream()) {
                    break;
                }
                Optional<Duration> wait = delay.before(onThisUpstream, status.answer().response().headers());
                if (wait.isEmpty() || attempts >= policy.maxAttempts()) {
                    break;
                }
                LOG.info("{} answered {}; retrying it in {} ms", guarded.name(), status.answer().status(), wait.get().toMillis());
                if (!sleep(wait.get())) {
                    ClientReplies.error(ctx, 503, "api_error", "the gateway is stopping");
                    return;
                }
            }
        }
        answerWithLastFailure(ctx, last);
    }

    private Outcome attempt(Context ctx, Upstream upstream, ObjectNode request, boolean stream) {
        long started = System.nanoTime();
        Duration budget = stream ? timeouts.firstByte() : timeouts.attempt();
        try {
            Upstream.Answer answer = upstream.send(request, budget);
            Duration left = budget.minusNanos(System.nanoTime() - started);
            if (stream && answer.status() == 200) {
                ChatEvents events = answer.callerEvents();
                String first = BoundedRead.within(left, answer, upstream.name() + "'s first event", events::next);
                if (first == null) {
                    answer.close();
                    return new NoAnswer(new UpstreamFailure(UpstreamFailure.Kind.CONNECTION,
                            upstream.name() + " ended its stream before the first event", null));
                }
                ClientReplies.relayStream(ctx, answer, events, first);
                return new Answered();
            }
            byte[] body;
            try (answer) {
                body = BoundedRead.wholeBody(answer, left);
            }
            if (answer.status() == 401) {
                return new BearerRefused(answer, body);
            }
            if (isRetryable(answer.status())) {
                return new RetryableStatus(answer, body);
            }
            relay(ctx, answer, body);
            return new Answered();
        } catch (UpstreamFailure failure) {
            LOG.info("attempt on {} failed: {}", upstream.name(), failure.getMessage());
            return new NoAnswer(failure);
        }
    }

    /** The statuses worth another try: the request was fine, the upstream was not (OpenAI's SDKs retry the same). */
    static boolean isRetryable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    private void answerWithLastFailure(Context ctx, Outcome last) {
        switch (last) {
            case null -> ClientReplies.error(ctx, 503, "api_error",
                    "no upstream is available: every circuit is open");
            case RetryableStatus status -> relay(ctx, status.answer(), status.body());
            case BearerRefused refused -> relay(ctx, refused.answer(), refused.body());
            case NoAnswer none -> ClientReplies.error(ctx,
                    none.failure().kind() == UpstreamFailure.Kind.TIMEOUT ? 504 : 502, "api_error",
                    "every upstream failed; the last: " + none.failure().getMessage());
            case Answered answered -> throw new IllegalStateException("the caller was answered already");
        }
    }

    private static void relay(Context ctx, Upstream.Answer answer, byte[] body) {
        try {
            ClientReplies.relayWhole(ctx, answer, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
