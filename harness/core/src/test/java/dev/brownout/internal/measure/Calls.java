package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Provider ledger lines for hand-built runs: only the fields the measurement reads matter. */
final class Calls {

    private Calls() {
    }

    static ProviderCall served(String provider, String model, String taskId) {
        return call(provider, model, model, 200, CallOutcome.COMPLETE, taskId);
    }

    static ProviderCall failed(String provider, String model, String taskId) {
        return call(provider, model, model, 503, CallOutcome.ERROR, taskId);
    }

    static ProviderCall call(String provider, String model, String servedModel, int status, CallOutcome outcome,
                             String taskId) {
        return new ProviderCall(0, Instant.EPOCH, provider, "openai", model, servedModel, "req-" + taskId, null,
                status, outcome, false, 10, 10, BigDecimal.ZERO, taskId, null, null, null, null, List.of(), null, 100,
                null, null);
    }
}
