package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prometheus metrics of one provider: requests by model and status, tokens, time to first token. */
public final class ProviderMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The model label of requests that named a model this provider does not serve. */
    static final String UNKNOWN_MODEL = "unknown";

    private final String provider;
    private final java.util.function.Predicate<String> served;

    /**
     * @param served whether a requested model name (id or alias) is one this provider serves; any other name
     *               is labelled {@value #UNKNOWN_MODEL}, so names a client makes up cannot add series without bound
     */
    public ProviderMetrics(String provider, java.util.function.Predicate<String> served) {
        this.provider = provider;
        this.served = served;
    }

    private record RequestKey(String model, int status, CallOutcome outcome) {
    }

    /*
     * Each meter is registered the first time it counts something (as before) and then kept: building and
     * registering them on every call cost more than the rest of recording it.
     */
    private final Map<RequestKey, Counter> requestCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> inputTokenCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> outputTokenCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> ttftTimers = new ConcurrentHashMap<>();

    void record(ProviderCall call) {
        String model = call.model() == null ? "" : served.test(call.model()) ? call.model() : UNKNOWN_MODEL;
        requestCounters.computeIfAbsent(new RequestKey(model, call.status(), call.outcome()), key ->
                Counter.builder("brownout.provider.requests")
                        .description("Requests by model, HTTP status and outcome")
                        .tags("provider", provider, "model", key.model(), "status", Integer.toString(key.status()),
                                "outcome", key.outcome().label())
                        .register(registry)).increment();
        if (call.inputTokens() > 0) {
            inputTokenCounters.computeIfAbsent(model, key -> tokenCounter(key, "input")).increment(call.inputTokens());
        }
        if (call.outputTokens() > 0) {
            outputTokenCounters.computeIfAbsent(model, key -> tokenCounter(key, "output"))
                    .increment(call.outputTokens());
        }
        if (call.ttftMillis() != null) {
            ttftTimers.computeIfAbsent(model, key ->
                    Timer.builder("brownout.provider.ttft").description("Time from arrival to the first output token")
                            .tags("provider", provider, "model", key)
                            .publishPercentiles(0.5, 0.9, 0.99)
                            .register(registry)).record(Duration.ofMillis(call.ttftMillis()));
        }
    }

    private Counter tokenCounter(String model, String direction) {
        return Counter.builder("brownout.provider.tokens").description("Tokens by direction")
                .tags("provider", provider, "model", model, "direction", direction).register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }
}
