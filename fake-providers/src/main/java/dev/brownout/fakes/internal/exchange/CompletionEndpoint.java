package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.admin.BehaviourStore;
import dev.brownout.fakes.auth.AuthResult;
import dev.brownout.fakes.auth.Authenticator;
import dev.brownout.fakes.behaviour.CallFacts;
import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.behaviour.FaultPlan;
import dev.brownout.fakes.behaviour.HangFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.RateLimitStatus;
import dev.brownout.fakes.behaviour.RateLimiter;
import dev.brownout.fakes.catalog.ModelCatalog;
import dev.brownout.fakes.catalog.ModelProfile;
import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.Ledger;
import dev.brownout.fakes.ledger.ProviderCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a provider's completion endpoint in any dialect: auth, validation, rate limits, the behaviour's
 * faults, pacing to the serving model's profile, and one ledger entry per call.
 */
public final class CompletionEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionEndpoint.class);

    /** How long a hung request is held at most; the listener's idle timeout is the same. */
    static final Duration MAX_HANG = Duration.ofMinutes(10);
    static final String RETRY_COUNT_HEADER = "X-Stainless-Retry-Count";
    static final int MAX_TRACKED_TASKS = 100_000;

    private final String provider;
    private final Dialect dialect;
    private final long seed;
    private final ModelCatalog catalog;
    private final List<String> servedModels;
    private final Authenticator authenticator;
    private final boolean bearerChallenge;
    private final BehaviourStore<ProviderBehaviour> behaviour;
    private final RateLimiter rateLimiter;
    private final Ledger<ProviderCall> ledger;
    private final ProviderMetrics metrics;
    /** The wire formats served, the provider's own dialect first; each has its planner and sender. */
    private final Map<Dialect, Wire> wires = new LinkedHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    /** Where answers come from in upstream and replay mode; null when the planners plan them (simulated mode). */
    private volatile ReplySource source;
    /**
     * Calls seen per task id, for attempt-scoped faults and for seeding; the oldest tasks are forgotten so a
     * soak cannot grow it forever.
     */
    private final Map<String, AtomicInteger> attemptsByTask = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, AtomicInteger> eldest) {
                    return size() > MAX_TRACKED_TASKS;
                }
            });

    /** Forgets every task's attempt count (each task's next call is its attempt 1) and refills the rate limits. */
    public void startAfresh() {
        attemptsByTask.clear();
        rateLimiter.refill();
        ReplySource current = source;
        if (current != null) {
            current.startAfresh();
        }
    }

    /**
     * Takes every answer from {@code replySource} instead of planning it: a provider in upstream or replay mode sets
     * it once, before serving.
     */
    public void answerFrom(ReplySource replySource) {
        this.source = replySource;
    }

    /** A wire format the endpoint answers in: its dialect with the planner and sender that write in it. */
    private record Wire(Dialect dialect, ReplyPlanner planner, PacedReplySender sender) {
    }

    /**
     * An endpoint that speaks only its provider's own dialect.
     *
     * @param servedModels    catalog ids this provider serves
     * @param bearerChallenge whether refusals carry {@code WWW-Authenticate: Bearer} (OAuth mode)
     * @param rateLimiter     this provider's per-model buckets, counting minutes on the world's clock
     * @param scheduler       the provider's pacer, which every answer in flight waits on
     */
    public CompletionEndpoint(String provider, Dialect dialect, long seed, ModelCatalog catalog,
                              List<String> servedModels, Authenticator authenticator, boolean bearerChallenge,
                              BehaviourStore<ProviderBehaviour> behaviour, RateLimiter rateLimiter,
                              Ledger<ProviderCall> ledger, ProviderMetrics metrics, StreamScheduler scheduler) {
        this(provider, dialect, List.of(), seed, catalog, servedModels, authenticator, bearerChallenge, behaviour,
                rateLimiter, ledger, metrics, scheduler);
    }

    /**
     * An endpoint that also answers in other wire formats of the same provider (OpenAI's Responses API beside
     * Chat Completions), each on its own completion path, with one rate limiter, behaviour, attempt count and
     * ledger across them all.
     *
     * @param alsoServed wire formats served besides {@code dialect}, each at its own {@link Dialect#completionPath()}
     */
    public CompletionEndpoint(String provider, Dialect dialect, List<Dialect> alsoServed, long seed,
                              ModelCatalog catalog, List<String> servedModels, Authenticator authenticator,
                              boolean bearerChallenge, BehaviourStore<ProviderBehaviour> behaviour,
                              RateLimiter rateLimiter, Ledger<ProviderCall> ledger, ProviderMetrics metrics,
                              StreamScheduler scheduler) {
        this.provider = provider;
        this.dialect = dialect;
        this.seed = seed;
        this.catalog = catalog;
        this.servedModels = List.copyOf(servedModels);
        this.authenticator = authenticator;
        this.bearerChallenge = bearerChallenge;
        this.behaviour = behaviour;
        this.rateLimiter = rateLimiter;
        this.ledger = ledger;
        this.metrics = metrics;
        for (Dialect wire : concat(dialect, alsoServed)) {
            wires.put(wire, new Wire(wire, new ReplyPlanner(wire, seed),
                    new PacedReplySender(wire, scheduler, this::record)));
        }
    }

    private static List<Dialect> concat(Dialect first, List<Dialect> rest) {
        List<Dialect> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The wire formats this endpoint answers in, the provider's own dialect first. */
    public List<Dialect> wireFormats() {
        return List.copyOf(wires.keySet());
    }

    /**
     * Serves one completion request whose whole body has been read: answered here when it is refused or fails
     * at once, else handed to the sender (or held, for a hang), which answers it on schedule. The call is
     * recorded before the client can see the end of its answer.
     */
    void handle(CoreExchange exchange, byte[] body, Dialect wireFormat) {
        Wire wire = wires.get(wireFormat);
        Dialect dialect = wire.dialect();
        CallDraft call = new CallDraft();
        call.api = dialect.api();
        long sequence = requests.incrementAndGet();
        SplittableRandom idRandom = new SplittableRandom(seed ^ (sequence * 0x9E3779B97F4A7C15L) ^ provider.hashCode());
        call.requestId = dialect.newRequestId(idRandom);
        call.retryCount = retryCount(exchange);
        exchange.header(dialect.requestIdHeader(), call.requestId);
        boolean answersLater;
        try {
            answersLater = serve(exchange, body, call, idRandom, wire);
        } catch (RuntimeException e) {
            LOG.error("provider '{}' failed on a completion request", provider, e);
            if (!call.recorded) {
                record(call);
            }
            dialect.writeError(exchange, new ErrorReply(500, "The fake provider failed: " + e.getClass().getSimpleName(),
                    null, null));
            exchange.sendResult();
            return;
        }
        if (!answersLater) {
            record(call);
            exchange.sendResult();
        }
    }

    private void record(CallDraft call) {
        if (call.served != null) {
            call.costUsd = call.served.price().cost(call.inputTokens, call.outputTokens);
        }
        call.recorded = true;
        ProviderCall entry = ledger.append(seq -> call.toCall(seq, provider, dialect.name()));
        metrics.record(entry);
    }

    /**
     * Records a request refused before it reached this endpoint's logic (bad path, oversized body) and writes
     * the refusal into the exchange, which the caller then sends.
     */
    public void recordRefusal(Exchange exchange, ErrorReply error) {
        recordRefusal(exchange, error, dialect, null);
    }

    /** As {@link #recordRefusal(Exchange, ErrorReply)}, for a request to the completion path of {@code wireFormat}. */
    void recordRefusal(Exchange exchange, ErrorReply error, Dialect wireFormat) {
        recordRefusal(exchange, error, wireFormat, wireFormat.api());
    }

    private void recordRefusal(Exchange exchange, ErrorReply error, Dialect wireFormat, String api) {
        CallDraft call = new CallDraft();
        call.api = api;
        call.requestId = dialect.newRequestId(new SplittableRandom(seed ^ requests.incrementAndGet()));
        exchange.header(dialect.requestIdHeader(), call.requestId);
        refuse(wireFormat, exchange, call, behaviour.current(), "", error);
        record(call);
    }

    /**
     * Authenticates a request to one of the dialect's other routes (e.g. {@code GET /v1/models}); a refusal
     * is answered and recorded here, and the caller only serves when this returns true.
     */
    public boolean admit(Exchange exchange) {
        CallDraft call = new CallDraft();
        call.requestId = dialect.newRequestId(new SplittableRandom(seed ^ requests.incrementAndGet()));
        exchange.header(dialect.requestIdHeader(), call.requestId);
        boolean admitted = authenticated(dialect, exchange, call, behaviour.current());
        if (!admitted) {
            record(call);
        }
        return admitted;
    }

    private boolean authenticated(Dialect dialect, Exchange exchange, CallDraft call, ProviderBehaviour current) {
        AuthResult auth = authenticator.authenticate(dialect.credential(exchange));
        call.principal = auth.principal();
        if (auth.accepted()) {
            return true;
        }
        String reason = auth.failure().name().toLowerCase(Locale.ROOT);
        call.authFailure = reason;
        call.credentialOwner = auth.owner();
        ErrorReply refusal = dialect.unauthorized(auth);
        if (bearerChallenge) {
            refusal = refusal.withHeaders(Map.of("WWW-Authenticate",
                    "Bearer error=\"invalid_token\", error_description=\"" + reason + "\""));
        }
        refuse(dialect, exchange, call, current, "", refusal);
        return false;
    }

    /** Returns true when the answer is left to the sender or a hang, false when it is in the exchange already. */
    private boolean serve(CoreExchange exchange, byte[] body, CallDraft call, SplittableRandom idRandom, Wire wire) {
        Dialect dialect = wire.dialect();
        ReplyPlanner planner = wire.planner();
        PacedReplySender sender = wire.sender();
        ProviderBehaviour current = behaviour.current();
        if (!authenticated(dialect, exchange, call, current)) {
            return false;
        }
        Optional<ErrorReply> headerProblem = dialect.checkHeaders(exchange);
        if (headerProblem.isPresent()) {
            refuse(dialect, exchange, call, current, "", headerProblem.get());
            return false;
        }
        ChatRequest request;
        try {
            request = dialect.parse(exchange, body);
        } catch (InvalidRequestException e) {
            refuse(dialect, exchange, call, current, "", e.toReply());
            return false;
        }
        call.model = request.model();
        call.stream = request.stream();
        call.taskId = ReplyPlanner.taskIdOf(request).orElse(null);
        call.toolStep = call.taskId == null ? null : request.toolResultsAfterLastUser().size();
        Integer attempt = call.taskId == null ? null
                : attemptsByTask.computeIfAbsent(call.taskId, id -> new AtomicInteger()).incrementAndGet();
        Optional<ModelProfile> requested = catalog.find(request.model())
                .filter(profile -> servedModels.contains(profile.id()));
        if (requested.isEmpty()) {
            refuse(dialect, exchange, call, current, "", dialect.unknownModel(request.model()));
            return false;
        }
        ModelProfile model = requested.get();
        int inputTokens = planner.inputTokens(request);
        int outputBudget = request.maxTokens() == null ? 0 : request.maxTokens();
        if ((long) inputTokens + outputBudget > model.contextWindow()) {
            refuse(dialect, exchange, call, current, model.id(), new ErrorReply(400, "This model's maximum context length is " + model.contextWindow()
                    + " tokens. However, you requested " + (inputTokens + outputBudget) + " tokens ("
                    + inputTokens + " in the messages, " + outputBudget + " in the completion).",
                    "messages", "context_length_exceeded"));
            return false;
        }

        RateLimitStatus limit = rateLimiter.admit(model.id(), current.rateLimit(),
                inputTokens + (request.maxTokens() == null ? 1_000L : request.maxTokens()), System.nanoTime());
        dialect.rateLimitHeaders(exchange, limit);
        if (!limit.admitted()) {
            fail(dialect, exchange, call, withRetryAfter(dialect.rateLimited(request.model(), limit), limit.retryAfter()));
            return false;
        }

        SplittableRandom random = new SplittableRandom(attemptSeed(call.taskId, attempt, idRandom));
        FaultPlan faults = FaultPlan.draw(current,
                new CallFacts(model.id(), attempt, request.assistantPrefix() != null), random);
        call.faults = faults.applied();
        if (faults.hang() != null) {
            hang(sender, exchange, call, faults.hang());
            return true;
        }
        if (faults.error() != null) {
            fail(dialect, exchange, call, InjectedErrors.http(dialect, faults.error(), request.model()));
            return false;
        }
        ModelProfile served = faults.substituteModel() == null ? model : catalog.require(faults.substituteModel());
        call.servedModel = served.id();
        call.served = served;
        ReplySource replySource = source;
        Reply reply;
        Duration ttft;
        long modelGapNanos;
        if (replySource == null) {
            reply = planner.plan(request, dialect.newReplyId(random), served, faults.capabilityMultiplier(), random);
            ttft = served.latency().sampleTtft(random);
            modelGapNanos = served.latency().interTokenGap().toNanos();
        } else {
            SourcedReply sourced = replySource.answer(new SourcedRequest(dialect, request, body, exchange,
                    dialect.newReplyId(random), call.arrivalNanos));
            if (sourced.error() != null) {
                fail(dialect, exchange, call, sourced.error());
                return false;
            }
            reply = sourced.reply();
            ttft = sourced.ttft() != null ? sourced.ttft() : served.latency().sampleTtft(random);
            modelGapNanos = sourced.gapNanos() != null ? sourced.gapNanos() : served.latency().interTokenGap().toNanos();
        }
        dialect.planned(request, reply);
        call.correct = reply.choices().getFirst().correct();
        ToolCallPlan toolCall = reply.choices().getFirst().toolCall();
        call.toolCall = toolCall == null ? null : toolCall.name();
        call.inputTokens = reply.inputTokens();
        long gapNanos = (long) (modelGapNanos / faults.tokenRateFactor());
        if (request.stream()) {
            sender.stream(exchange, call, reply, faults, ttft, gapNanos);
        } else {
            sender.respond(exchange, call, reply, faults, ttft, gapNanos, request.model());
        }
        return true;
    }


    /**
     * Holds the request unanswered without a thread. The provider's close drops it with its listener; a hang
     * with a duration then closes the connection as a proxy's timeout closes it, having sent nothing.
     */
    private void hang(PacedReplySender sender, CoreExchange exchange, CallDraft call, HangFault fault) {
        call.outcome = CallOutcome.HANG;
        call.status = 0;
        // Recorded now: a hang has no end to wait for, and the harness must see it while it lasts.
        record(call);
        Duration hold = fault.duration() == null || fault.duration().compareTo(MAX_HANG) > 0
                ? MAX_HANG : fault.duration();
        sender.hold(hold, fault.duration() != null ? () -> exchange.closeUnder(CutMode.ABORT) : exchange::sendResult);
    }

    /** Refuses before admission: the rate-limit headers report the bucket without charging it. */
    private void refuse(Dialect dialect, Exchange exchange, CallDraft call, ProviderBehaviour current, String bucket,
                        ErrorReply error) {
        dialect.rateLimitHeaders(exchange, rateLimiter.peek(bucket, current.rateLimit(), System.nanoTime()));
        fail(dialect, exchange, call, error);
    }

    private void fail(Dialect dialect, Exchange exchange, CallDraft call, ErrorReply error) {
        call.failed(error);
        dialect.writeError(exchange, error);
    }

    private static ErrorReply withRetryAfter(ErrorReply reply, Duration retryAfter) {
        return reply.withHeaders(InjectedErrors.retryAfterHeaders(retryAfter));
    }

    /** The seed of a call's draws: fixed by (world seed, provider, task, attempt) when it carries a task. */
    private long attemptSeed(String taskId, Integer attempt, SplittableRandom fallback) {
        if (taskId == null) {
            return fallback.nextLong();
        }
        long hash = seed;
        // Counted from 0 here, the form seeds had before attempts were numbered from 1 for faults.
        for (byte b : (provider + '\u0000' + taskId + '\u0000' + (attempt - 1)).getBytes(StandardCharsets.UTF_8)) {
            hash = hash * 1_000_003L + b;
        }
        return hash;
    }

    private static Integer retryCount(Exchange exchange) {
        String header = exchange.header(RETRY_COUNT_HEADER);
        if (header == null) {
            return null;
        }
        try {
            return Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
