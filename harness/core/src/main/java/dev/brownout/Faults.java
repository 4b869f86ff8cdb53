package dev.brownout;

import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.HangFault;
import dev.brownout.fakes.behaviour.LatencyFault;
import dev.brownout.fakes.behaviour.MalformedChunkFault;
import dev.brownout.fakes.behaviour.QualityFault;
import dev.brownout.fakes.behaviour.SlowTokensFault;
import dev.brownout.fakes.behaviour.StallFault;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.behaviour.SubstituteFault;
import dev.brownout.fakes.behaviour.UnterminatedFault;
import dev.brownout.scenario.NetworkFaults;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Faults to set on a world's provider without a scenario ({@link WorldProvider#behaviour(ProviderFault...)}),
 * each in the provider dialect's exact wire shape, and the network state of a target's fault proxy.
 */
public final class Faults {

    private Faults() {
    }

    /** An HTTP error with the dialect's error body and headers, e.g. 500, 503, or 529 (Anthropic's overload). */
    public static ProviderFault error(int status) {
        return ProviderFault.of("error " + status, scope -> new ErrorFault(status, scope.probability(), scope.models(),
                null, null, null, null, null, null, null, scope.attempts(), scope.when()));
    }

    /**
     * An HTTP error whose body carries these fields instead of the usual ones for its status, e.g.
     * {@code error(400, ErrorFields.code("context_length_exceeded"))}.
     */
    public static ProviderFault error(int status, ErrorFields fields) {
        Objects.requireNonNull(fields, "the error body's fields");
        return ProviderFault.of("error " + status + " " + fields, scope -> new ErrorFault(status, scope.probability(),
                scope.models(), null, null, fields.message(), null, fields.type(), fields.code(), fields.param(),
                scope.attempts(), scope.when()));
    }

    /** A 429 with {@code retry-after} (and {@code retry-after-ms}) asking the client to wait {@code retryAfter}. */
    public static ProviderFault rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "how long the 429 asks the client to wait");
        return ProviderFault.of("rate limited", scope -> new ErrorFault(429, scope.probability(), scope.models(),
                retryAfter, null, null, null, null, null, null, scope.attempts(), scope.when()));
    }

    /** The request is accepted and never answered, until the client gives up. */
    public static ProviderFault hang() {
        return ProviderFault.of("hang", scope -> new HangFault(null, scope.probability(), scope.models(),
                scope.attempts(), scope.when()));
    }

    /**
     * The request is accepted, nothing is sent for {@code duration}, and then the connection is closed without an
     * answer, as a proxy in front of a silent upstream closes it when its own timeout fires.
     */
    public static ProviderFault hangFor(Duration duration) {
        Objects.requireNonNull(duration, "how long the request hangs before its connection is closed");
        return ProviderFault.of("hang " + duration, scope -> new HangFault(duration, scope.probability(),
                scope.models(), scope.attempts(), scope.when()));
    }

    /** The first token comes {@code extra} later than the model's own pace, and the response headers with it. */
    public static ProviderFault slowFirstToken(Duration extra) {
        Objects.requireNonNull(extra, "the added time to first token");
        return ProviderFault.of("slow first token", scope -> new LatencyFault(extra, LatencyFault.Where.BEFORE_HEADERS,
                scope.probability(), scope.models(), scope.attempts(), scope.when()));
    }

    /**
     * The response headers (a 200) leave at once; the first token then comes {@code extra} later than the model's
     * own pace. A client that times out only until the headers never notices.
     */
    public static ProviderFault slowFirstTokenAfterHeaders(Duration extra) {
        Objects.requireNonNull(extra, "the added time to first token");
        return ProviderFault.of("slow first token after headers", scope -> new LatencyFault(extra,
                LatencyFault.Where.AFTER_HEADERS, scope.probability(), scope.models(), scope.attempts(), scope.when()));
    }

    /** Tokens come at {@code factor} of the model's own rate (0.5: half as fast). */
    public static ProviderFault slowTokens(double factor) {
        return ProviderFault.of("slow tokens", scope -> new SlowTokensFault(factor, scope.probability(), scope.models(),
                scope.attempts(), scope.when()));
    }

    /** The answer stops after {@code tokens} tokens and the body ends cleanly: a short answer and no error. */
    public static ProviderFault cutAfter(int tokens) {
        return cutAfter(tokens, CutMode.CLEAN);
    }

    /**
     * The answer stops after {@code tokens} tokens and ends as {@code mode} says: cleanly, with the connection
     * closed before the body's end ({@link CutMode#ABORT}), or reset ({@link CutMode#RESET}).
     */
    public static ProviderFault cutAfter(int tokens, CutMode mode) {
        Objects.requireNonNull(mode, "how the cut answer ends: CutMode.CLEAN, ABORT or RESET");
        return ProviderFault.of("cut " + mode.label(), scope -> new CutFault(tokens, mode, scope.probability(),
                scope.models(), scope.attempts(), scope.when()));
    }

    /**
     * The stream sends the whole answer with its finish reason and usage, and leaves out only the terminator
     * ({@code [DONE]}, {@code message_stop}).
     */
    public static ProviderFault unterminatedStream() {
        return ProviderFault.of("unterminated stream", scope -> new UnterminatedFault(scope.probability(),
                scope.models(), scope.attempts(), scope.when()));
    }

    /**
     * An in-band error event (HTTP status {@code status} in the dialect's stream shape) after {@code tokens} tokens.
     */
    public static ProviderFault streamErrorAfter(int tokens, int status) {
        return ProviderFault.of("stream error", scope -> new StreamErrorFault(tokens, status, null,
                scope.probability(), scope.models(), null, null, null, scope.attempts(), scope.when()));
    }

    /** An in-band error event after {@code tokens} tokens whose error carries these fields. */
    public static ProviderFault streamErrorAfter(int tokens, int status, ErrorFields fields) {
        Objects.requireNonNull(fields, "the error event's fields");
        return ProviderFault.of("stream error " + fields, scope -> new StreamErrorFault(tokens, status,
                fields.message(), scope.probability(), scope.models(), fields.type(), fields.code(), fields.param(),
                scope.attempts(), scope.when()));
    }

    /** The stream goes silent for {@code duration} after {@code tokens} tokens, then goes on. */
    public static ProviderFault stallAfter(int tokens, Duration duration) {
        Objects.requireNonNull(duration, "how long the stream stalls");
        return ProviderFault.of("stall", scope -> new StallFault(tokens, duration, null, scope.probability(),
                scope.models(), scope.attempts(), scope.when()));
    }

    /**
     * The stream goes silent for {@code duration} after {@code tokens} tokens and then ends there as {@code mode}
     * says, instead of going on.
     */
    public static ProviderFault stallThenCut(int tokens, Duration duration, CutMode mode) {
        Objects.requireNonNull(duration, "how long the stream stalls");
        Objects.requireNonNull(mode, "how the stalled answer ends: CutMode.CLEAN, ABORT or RESET");
        return ProviderFault.of("stall then " + mode.label(), scope -> new StallFault(tokens, duration, mode,
                scope.probability(), scope.models(), scope.attempts(), scope.when()));
    }

    /** One chunk that is not valid SSE after {@code tokens} tokens. */
    public static ProviderFault malformedChunkAfter(int tokens) {
        return ProviderFault.of("malformed chunk", scope -> new MalformedChunkFault(tokens, scope.probability(),
                scope.models(), scope.attempts(), scope.when()));
    }

    /** Answers silently get worse: the model's capability is multiplied by {@code multiplier} (0 to 1). */
    public static ProviderFault quality(double multiplier) {
        return ProviderFault.of("quality", scope -> new QualityFault(multiplier, scope.probability(), scope.models(),
                scope.attempts(), scope.when()));
    }

    /** {@code model} serves (its capability, pace and price) while the response names the model requested. */
    public static ProviderFault substitute(String model) {
        Objects.requireNonNull(model, "the model that really serves");
        return ProviderFault.of("substitute", scope -> new SubstituteFault(model, scope.probability(), scope.models(),
                scope.attempts(), scope.when()));
    }

    /** The target's fault proxy is disabled: new connections are refused and open ones closed. */
    public static NetworkFaults down() {
        return new NetworkFaults(true, List.of());
    }

    /** The target's fault proxy passes traffic untouched. */
    public static NetworkFaults clean() {
        return new NetworkFaults(false, List.of());
    }

    /**
     * What an injected error's body says instead of the dialect's usual text for its status, for
     * {@link Faults#error(int, ErrorFields)} and {@link Faults#streamErrorAfter(int, int, ErrorFields)}. Start from
     * a code or a type and add the rest: {@code ErrorFields.code("context_length_exceeded").withParam("messages")}.
     * <p>
     * OpenAI's body carries all four ({@code error.code}, {@code error.type}, {@code error.param},
     * {@code error.message}); Anthropic's has only a type and a message, so there the code picks the message and
     * type Anthropic sends for the same failure (for the codes the fakes know: {@code context_length_exceeded},
     * {@code content_policy_violation}, {@code rate_limit_exceeded}, {@code insufficient_quota},
     * {@code model_not_found}, {@code overloaded}) and the param is not sent. Immutable.
     */
    public static final class ErrorFields {

        private final String type;
        private final String code;
        private final String param;
        private final String message;

        private ErrorFields(String type, String code, String param, String message) {
            this.type = type;
            this.code = code;
            this.param = param;
            this.message = message;
        }

        /**
         * An error with this code, e.g. {@code context_length_exceeded}; a code the fakes know sets the usual message
         * and type too.
         */
        public static ErrorFields code(String code) {
            return new ErrorFields(null, text(code, "an error code"), null, null);
        }

        /** An error of this type, e.g. {@code overloaded_error} or {@code invalid_request_error}. */
        public static ErrorFields type(String type) {
            return new ErrorFields(text(type, "an error type"), null, null, null);
        }

        /** The same fields with this code. */
        public ErrorFields withCode(String replacement) {
            return new ErrorFields(type, text(replacement, "an error code"), param, message);
        }

        /** The same fields with this type. */
        public ErrorFields withType(String replacement) {
            return new ErrorFields(text(replacement, "an error type"), code, param, message);
        }

        /** The same fields naming this request parameter as the culprit (OpenAI's {@code error.param}). */
        public ErrorFields withParam(String replacement) {
            return new ErrorFields(type, code, text(replacement, "a parameter name"), message);
        }

        /** The same fields with this message instead of the usual one. */
        public ErrorFields withMessage(String replacement) {
            return new ErrorFields(type, code, param, text(replacement, "a message"));
        }

        String type() {
            return type;
        }

        String code() {
            return code;
        }

        String param() {
            return param;
        }

        String message() {
            return message;
        }

        private static String text(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            String[][] fields = {{"type", type}, {"code", code}, {"param", param}, {"message", message}};
            for (String[] field : fields) {
                if (field[1] != null) {
                    text.append(text.isEmpty() ? "" : " ").append(field[0]).append('=').append(field[1]);
                }
            }
            return text.toString();
        }
    }
}
