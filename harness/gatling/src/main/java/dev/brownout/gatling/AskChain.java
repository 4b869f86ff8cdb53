package dev.brownout.gatling;

import dev.brownout.LoadExchange;
import dev.brownout.LoadPopulation;
import dev.brownout.LoadRun;
import dev.brownout.LoadTask;
import dev.brownout.sut.GatewayRequest;
import dev.brownout.sut.SutReply;
import io.gatling.http.client.Request;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.gatling.javaapi.http.SseMessageCheck;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The chain that sends the session's task to the SUT exactly as {@code brownout run}'s adapter would and hands what
 * came back to Brownout: plain HTTP, or a stream read through Gatling's own SSE support. Each exchange is timed with
 * {@code System.nanoTime()} in session steps right around the request (plain) or as each event arrives (streamed),
 * then recorded without blocking: {@link LoadPopulation#record} only enqueues.
 */
final class AskChain {

    /** The Gatling SSE stream's name in the session. */
    static final String SSE_NAME = "brownout.sse";

    private static final String URL = "brownout.request.url";
    private static final String BODY = "brownout.request.body";
    private static final String HEADERS = "brownout.request.headers";
    private static final String STARTED = "brownout.request.startedNanos";
    private static final String STREAM = "brownout.request.stream";
    private static final String RAW_STATUS = "brownout.response.status";
    private static final String RAW_BODY = "brownout.response.body";
    private static final String CLOSE = "brownout.response.closeStream";
    private static final String NO_REQUEST_ERROR = "GatlingRequestError";
    private static final String NO_STREAM_ERROR = "GatlingSseError";

    private final LoadRun run;
    private final Ask ask;
    private final AtomicLong resends;

    AskChain(LoadRun run, Ask ask, AtomicLong resends) {
        this.run = run;
        this.ask = ask;
        this.resends = resends;
    }

    ChainBuilder build() {
        return run.streams() ? streamed() : plain();
    }

    private ChainBuilder plain() {
        HttpRequestActionBuilder request = http(ask.name())
                .post(session -> session.getString(URL))
                .body(StringBody(session -> session.getString(BODY)))
                .asJson()
                .sign(AskChain::withHeaders)
                .requestTimeout(run.taskTimeout())
                // every status is kept and recorded; only a status other than 2xx fails the request, as Gatling's own default check would
                .check(status().saveAs(RAW_STATUS), bodyString().saveAs(RAW_BODY),
                        status().validate("a 2xx status", (code, session) -> {
                            if (code == null || code / 100 != 2) {
                                throw new IllegalStateException("the SUT answered HTTP " + code);
                            }
                            return code;
                        }));
        if (ask.wrongAnswersKo()) {
            request = request.check(bodyString().validate("a right answer", (body, session) -> {
                double score = plainScore(session, body);
                if (score < 1) {
                    throw new IllegalStateException("the answer was graded wrong (score " + score + ")");
                }
                return body;
            }));
        }
        return exec(this::prepare).exec(request).exec(this::settlePlain);
    }

    private ChainBuilder streamed() {
        SseMessageCheck end = sse.checkMessage(ask.name() + " stream")
                .matching(bodyString()
                        .transformWithSession((message, session) -> stream(session).accept(message, System.nanoTime()))
                        .is(true))
                .check(bodyString().validate("a whole reply", (message, session) -> {
                    String fault = streamFault(session);
                    if (fault != null) {
                        throw new IllegalStateException(fault);
                    }
                    return message;
                }));
        return exec(session -> prepare(session).set(STREAM, new StreamedReply(run.readStream())))
                .exec(sse(ask.name(), SSE_NAME)
                        .post(session -> session.getString(URL))
                        .body(StringBody(session -> session.getString(BODY)))
                        .sign(AskChain::withHeaders)
                        .await(this::remainingBudget).on(end))
                .exec(this::settleStreamed)
                .doIfOrElse(session -> session.getBoolean(CLOSE))
                .then(exec(sse(ask.name() + " close", SSE_NAME).close()))
                // a crashed stream is closed already; Gatling's close would count a second failure for it
                .orElse(exec(session -> session.remove(SSE_NAME)));
    }

    private Session prepare(Session session) {
        LoadTask task = session.get(SessionKeys.TASK);
        if (task == null) {
            throw new IllegalStateException("no Brownout task in the session: feed the scenario with brownout.tasks() "
                    + "(or brownout.baselineTasks()) before brownout.ask()");
        }
        GatewayRequest request = run.request(task);
        return session.removeAll(SessionKeys.STATUS, SessionKeys.ANSWER, SessionKeys.FIRST_TOKEN_MILLIS,
                        SessionKeys.FINISH_REASON, SessionKeys.TRUNCATED, SessionKeys.SCORE, RAW_STATUS, RAW_BODY)
                .set(URL, request.url().toString())
                .set(BODY, request.body())
                .set(HEADERS, request.headers())
                .set(STARTED, System.nanoTime());
    }

    private static Request withHeaders(Request request, Session session) {
        Map<String, String> headers = session.get(HEADERS);
        headers.forEach((name, value) -> request.getHeaders().set(name, value));
        return request;
    }

    private Duration remainingBudget(Session session) {
        LoadTask task = session.get(SessionKeys.TASK);
        long left = task.takenNanos() + task.timeout().toNanos() - System.nanoTime();
        return Duration.ofNanos(Math.max(Duration.ofMillis(1).toNanos(), left));
    }

    private double plainScore(Session session, String body) {
        LoadTask task = session.get(SessionKeys.TASK);
        Integer status = session.getIntegerWrapper(RAW_STATUS);
        try {
            SutReply reply = run.readReply(status == null ? 200 : status, body, System.nanoTime());
            return succeeded(reply) ? task.score(reply.answer()) : 0;
        } catch (IllegalArgumentException unreadable) {
            return 0;
        }
    }

    private Session settlePlain(Session session) {
        long ended = System.nanoTime();
        LoadTask task = session.get(SessionKeys.TASK);
        long started = session.getLong(STARTED);
        Integer status = session.getIntegerWrapper(RAW_STATUS);
        LoadExchange exchange;
        if (status == null) {
            exchange = pastBudget(task, ended) ? LoadExchange.timedOut(task, started, ended)
                    : LoadExchange.failed(task, started, ended, NO_REQUEST_ERROR);
        } else {
            try {
                exchange = LoadExchange.replied(task, started, ended,
                        run.readReply(status, session.getString(RAW_BODY), ended));
            } catch (IllegalArgumentException unreadable) {
                exchange = LoadExchange.failed(task, started, ended, LoadExchange.UNREADABLE);
            }
        }
        record(exchange);
        return withResults(session.removeAll(RAW_STATUS, RAW_BODY, URL, BODY, HEADERS), exchange);
    }

    /** Why the stream's end check fails the request, or null when it passes. */
    private String streamFault(Session session) {
        StreamedReply stream = stream(session);
        if (stream.resent()) {
            return "the stream broke off and Gatling re-sent the request";
        }
        SutReply reply = stream.reply(200);
        if (reply.ending() == SutReply.Ending.ERROR_EVENT) {
            return "the stream carried an error event";
        }
        if (ask.wrongAnswersKo()) {
            double score = ((LoadTask) session.get(SessionKeys.TASK)).score(reply.answer());
            if (score < 1) {
                return "the answer was graded wrong (score " + score + ")";
            }
        }
        return null;
    }

    private Session settleStreamed(Session session) {
        long now = System.nanoTime();
        LoadTask task = session.get(SessionKeys.TASK);
        long started = session.getLong(STARTED);
        StreamedReply stream = stream(session);
        SseStreamState state = SseStreamState.of(session, SSE_NAME);
        LoadExchange exchange;
        if (stream.resent()) {
            resends.incrementAndGet();
            exchange = LoadExchange.failed(task, started, Math.max(started, stream.endNanos()), LoadExchange.BROKEN_OFF);
        } else if (stream.ended()) {
            exchange = LoadExchange.replied(task, started, Math.max(started, stream.endNanos()), stream.reply(200));
        } else if (state.crashed() && !stream.anyEvent() && state.refusedStatus() > 0) {
            exchange = LoadExchange.replied(task, started, now, stream.reply(state.refusedStatus()));
        } else if (state.crashed() && !stream.anyEvent() && !state.endOfStream()) {
            exchange = pastBudget(task, now) ? LoadExchange.timedOut(task, started, now)
                    : LoadExchange.failed(task, started, now, connectErrorClass(state.message()));
        } else if (state.crashed() && !state.endOfStream()) {
            exchange = LoadExchange.failed(task, started, stream.lastEventNanos(), LoadExchange.BROKEN_OFF);
        } else if (state.endOfStream()) {
            exchange = LoadExchange.replied(task, started, stream.anyEvent() ? stream.lastEventNanos() : now,
                    stream.reply(200));
        } else if (state == SseStreamState.UNREADABLE && !pastBudget(task, now)) {
            exchange = LoadExchange.failed(task, started, now, NO_STREAM_ERROR);
        } else {
            // the end check timed out: the budget is spent
            exchange = LoadExchange.timedOut(task, started, now);
        }
        record(exchange);
        return withResults(session.removeAll(URL, BODY, HEADERS, STREAM), exchange).set(CLOSE, !state.crashed());
    }

    private static String connectErrorClass(String message) {
        if (message != null && message.contains("Connection refused")) {
            return "ConnectException";
        }
        return NO_STREAM_ERROR;
    }

    private static StreamedReply stream(Session session) {
        return session.get(STREAM);
    }

    private static boolean pastBudget(LoadTask task, long nanos) {
        return nanos - task.takenNanos() >= task.timeout().toNanos();
    }

    private static boolean succeeded(SutReply reply) {
        return reply.status() / 100 == 2 && reply.ending() != SutReply.Ending.ERROR_EVENT;
    }

    private void record(LoadExchange exchange) {
        LoadTask task = exchange.task();
        LoadPopulation population = task.population().equals(run.measured().name()) ? run.measured()
                : run.baseline().orElseThrow(() -> new IllegalStateException("task " + task.id() + " is of the "
                        + task.population() + " population, which this run does not have"));
        population.record(exchange);
    }

    private static Session withResults(Session session, LoadExchange exchange) {
        SutReply reply = exchange.reply();
        if (reply == null) {
            return session.set(SessionKeys.TRUNCATED, false).set(SessionKeys.SCORE, 0.0);
        }
        Session result = session.set(SessionKeys.STATUS, reply.status())
                .set(SessionKeys.ANSWER, reply.answer() == null ? "" : reply.answer())
                .set(SessionKeys.TRUNCATED, succeeded(reply) && exchange.task().truncation(reply).isPresent())
                .set(SessionKeys.SCORE, succeeded(reply) ? exchange.task().score(reply.answer()) : 0.0);
        if (reply.firstByteNanos() > 0) {
            result = result.set(SessionKeys.FIRST_TOKEN_MILLIS,
                    Math.max(0, Math.round((reply.firstByteNanos() - exchange.startedNanos()) / 1e6)));
        }
        if (reply.finishReason() != null) {
            result = result.set(SessionKeys.FINISH_REASON, reply.finishReason());
        }
        return result;
    }
}
