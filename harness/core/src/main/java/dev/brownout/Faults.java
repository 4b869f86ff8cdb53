package dev.brownout;

import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.HangFault;
import dev.brownout.fakes.behaviour.LatencyFault;
import dev.brownout.fakes.behaviour.MalformedChunkFault;
import dev.brownout.fakes.behaviour.QualityFault;
import dev.brownout.fakes.behaviour.SlowTokensFault;
import dev.brownout.fakes.behaviour.StallFault;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.behaviour.SubstituteFault;
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
        return ProviderFault.of("error " + status,
                (probability, models) -> new ErrorFault(status, probability, models, null, null, null, null));
    }

    /** A 429 with {@code retry-after} (and {@code retry-after-ms}) asking the client to wait {@code retryAfter}. */
    public static ProviderFault rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "how long the 429 asks the client to wait");
        return ProviderFault.of("rate limited",
                (probability, models) -> new ErrorFault(429, probability, models, retryAfter, null, null, null));
    }

    /** The request is accepted and never answered, until the client gives up. */
    public static ProviderFault hang() {
        return ProviderFault.of("hang", HangFault::new);
    }

    /** The first token comes {@code extra} later than the model's own pace. */
    public static ProviderFault slowFirstToken(Duration extra) {
        Objects.requireNonNull(extra, "the added time to first token");
        return ProviderFault.of("slow first token", (probability, models) -> new LatencyFault(extra, probability, models));
    }

    /** Tokens come at {@code factor} of the model's own rate (0.5: half as fast). */
    public static ProviderFault slowTokens(double factor) {
        return ProviderFault.of("slow tokens", (probability, models) -> new SlowTokensFault(factor, probability, models));
    }

    /** The answer stops after {@code tokens} tokens, as if the connection were cut. */
    public static ProviderFault cutAfter(int tokens) {
        return ProviderFault.of("cut", (probability, models) -> new CutFault(tokens, probability, models));
    }

    /** An in-band error event (HTTP status {@code status} in the dialect's stream shape) after {@code tokens} tokens. */
    public static ProviderFault streamErrorAfter(int tokens, int status) {
        return ProviderFault.of("stream error",
                (probability, models) -> new StreamErrorFault(tokens, status, null, probability, models));
    }

    /** The stream goes silent for {@code duration} after {@code tokens} tokens, then goes on. */
    public static ProviderFault stallAfter(int tokens, Duration duration) {
        Objects.requireNonNull(duration, "how long the stream stalls");
        return ProviderFault.of("stall", (probability, models) -> new StallFault(tokens, duration, probability, models));
    }

    /** One chunk that is not valid SSE after {@code tokens} tokens. */
    public static ProviderFault malformedChunkAfter(int tokens) {
        return ProviderFault.of("malformed chunk", (probability, models) -> new MalformedChunkFault(tokens, probability, models));
    }

    /** Answers silently get worse: the model's capability is multiplied by {@code multiplier} (0 to 1). */
    public static ProviderFault quality(double multiplier) {
        return ProviderFault.of("quality", (probability, models) -> new QualityFault(multiplier, probability, models));
    }

    /** {@code model} serves (its capability, pace and price) while the response names the model requested. */
    public static ProviderFault substitute(String model) {
        Objects.requireNonNull(model, "the model that really serves");
        return ProviderFault.of("substitute", (probability, models) -> new SubstituteFault(model, probability, models));
    }

    /** The target's fault proxy is disabled: new connections are refused and open ones closed. */
    public static NetworkFaults down() {
        return new NetworkFaults(true, List.of());
    }

    /** The target's fault proxy passes traffic untouched. */
    public static NetworkFaults clean() {
        return new NetworkFaults(false, List.of());
    }
}
