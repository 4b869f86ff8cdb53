package dev.brownout.internal.sut;

import dev.brownout.sut.GatewayRequest;
import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import dev.brownout.sut.SutTool;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The harness playing the agent in front of a gateway that speaks an LLM API: a task that offers tools is sent with
 * them; while the model's reply calls tools, each call is run by the {@link ToolExecutor} and the results are sent
 * back in the dialect's follow-up request, until the model answers in text or the bound of model calls is reached.
 * What comes back is one reply for the whole task: the last reply's answer, finish reason and ending, the first
 * reply's first byte, usage summed over every model call (none when the last reply carried none). A model call that fails (an error status, an error event,
 * a body that breaks off) ends the task with that failure, as an agent's caller sees its agent's call fail. A task
 * without tools is sent once, exactly as the wrapped adapter sends it.
 * <p>
 * The parts a load tool uses ({@link #request}, {@link #readWhole}, {@link #readStream}) are the wrapped adapter's:
 * a load tool sends single requests and runs no loops.
 */
public final class ToolLoop implements HttpDialectSut {

    /** Enough for the longest tool chain a task asks for and a model that stumbles on the way. */
    public static final int DEFAULT_MAX_MODEL_CALLS = 12;

    private final HttpDialectSut dialect;
    private final ToolExecutor tools;
    private final int maxModelCalls;

    private ToolLoop(HttpDialectSut dialect, ToolExecutor tools, int maxModelCalls) {
        this.dialect = dialect;
        this.tools = tools;
        this.maxModelCalls = maxModelCalls;
    }

    /** A loop over {@code dialect} running tools with {@code tools}, at most {@link #DEFAULT_MAX_MODEL_CALLS} model calls a task. */
    public static ToolLoop over(HttpDialectSut dialect, ToolExecutor tools) {
        return over(dialect, tools, DEFAULT_MAX_MODEL_CALLS);
    }

    /**
     * @param maxModelCalls the most model calls a task may take, 1 or more; a model still calling tools at the last
     *                      one ends the task with that reply, an answer without the final value
     */
    public static ToolLoop over(HttpDialectSut dialect, ToolExecutor tools, int maxModelCalls) {
        Objects.requireNonNull(dialect, "an adapter");
        Objects.requireNonNull(tools, "a tool executor");
        if (dialect instanceof ToolLoop) {
            throw new IllegalArgumentException("the adapter already runs a tool loop");
        }
        if (maxModelCalls < 1) {
            throw new IllegalArgumentException("a tool loop needs at least 1 model call a task; was " + maxModelCalls);
        }
        return new ToolLoop(dialect, tools, maxModelCalls);
    }

    @Override
    public SutReply send(SutRequest request) throws IOException, InterruptedException {
        if (request.tools().isEmpty()) {
            return dialect.send(request);
        }
        Set<String> offered = request.tools().stream().map(SutTool::name).collect(Collectors.toSet());
        List<ToolRound> rounds = new ArrayList<>();
        GatewayRequest next = dialect.request(request);
        Totals totals = new Totals();
        for (int call = 1; ; call++) {
            ModelCall answered = ModelCall.send(dialect, next, request.stream(), request.timeout(), true);
            SutReply reply = answered.reply();
            totals.add(reply);
            if (!succeeded(reply) || reply.toolCalls().isEmpty() || call == maxModelCalls) {
                return totals.of(reply);
            }
            List<String> results = new ArrayList<>();
            for (SutReply.ToolCall toolCall : reply.toolCalls()) {
                results.add(run(toolCall, offered));
            }
            rounds.add(new ToolRound(reply, answered.replyId(), results));
            next = dialect.followUp(request, rounds);
        }
    }

    /** What the caller gets as a success: a 2xx status and no error event. */
    private static boolean succeeded(SutReply reply) {
        return reply.status() / 100 == 2 && reply.ending() != SutReply.Ending.ERROR_EVENT;
    }

    /**
     * The call's result; a call of a tool the task did not offer, or one whose tool fails, gets an error text as its
     * result, as agent frameworks send back, so the model can answer or try again.
     */
    private String run(SutReply.ToolCall call, Set<String> offered) {
        if (!offered.contains(call.name())) {
            return "error: no tool named '" + call.name() + "' was offered; the tools are " + offered.stream().sorted()
                    .collect(Collectors.joining(", "));
        }
        try {
            return Objects.requireNonNullElse(tools.run(call.name(), call.argumentsJson()), "");
        } catch (RuntimeException e) {
            return "error: " + call.name() + " failed: " + e.getMessage();
        }
    }

    /** What the model calls of one task add up to. */
    private static final class Totals {
        private long firstByte;
        private Long inputTokens;
        private Long outputTokens;
        private int malformed;

        void add(SutReply reply) {
            if (firstByte == 0) {
                firstByte = reply.firstByteNanos();
            }
            if (reply.usage() != null) {
                inputTokens = sum(inputTokens, reply.usage().inputTokens());
                outputTokens = sum(outputTokens, reply.usage().outputTokens());
            }
            malformed += reply.malformedEvents();
        }

        private static Long sum(Long total, Long more) {
            return more == null ? total : total == null ? more : total + more;
        }

        /**
         * The task's reply: {@code last}'s, with the first byte, usage and malformed events of every call. A last
         * reply without usage keeps none: its missing usage block is what tells a stream cut before its end.
         */
        SutReply of(SutReply last) {
            SutReply.Usage usage = last.usage() == null ? null : new SutReply.Usage(inputTokens, outputTokens);
            return new SutReply(last.status(), last.answer(), last.model(), firstByte, last.truncated(),
                    last.finishReason(), usage, last.ending(), malformed, last.toolCalls());
        }
    }

    @Override
    public String adapterName() {
        return dialect.adapterName();
    }

    @Override
    public GatewayRequest request(SutRequest request) {
        return dialect.request(request);
    }

    @Override
    public GatewayRequest followUp(SutRequest request, List<ToolRound> rounds) {
        return dialect.followUp(request, rounds);
    }

    @Override
    public SutReply readWhole(int status, String body, long arrivedNanos) throws UnreadableReplyException {
        return dialect.readWhole(status, body, arrivedNanos);
    }

    @Override
    public ReplyStream readStream() {
        return dialect.readStream();
    }

    @Override
    public HttpClient http() {
        return dialect.http();
    }
}
