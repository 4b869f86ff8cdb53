package dev.brownout;

import dev.brownout.fakes.behaviour.Fault;
import dev.brownout.fakes.behaviour.FaultCondition;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP-level fault a fake provider serves, made by {@link Faults}: by default on every request and every
 * model; {@link #probability(double)}, {@link #onModels(String...)}, {@link #onAttempts(int...)} and
 * {@link #onAssistantPrefill()} narrow it. Immutable: each method returns a new fault.
 */
public final class ProviderFault {

    /** Who a fault applies to; null fields mean everyone. */
    record Scope(Double probability, List<String> models, List<Integer> attempts, FaultCondition when) {
    }

    /** Builds the provider's own fault record for a scope. */
    @FunctionalInterface
    interface Maker {
        Fault make(Scope scope);
    }

    private final String kind;
    private final Maker maker;
    private final Scope scope;

    private ProviderFault(String kind, Maker maker, Scope scope) {
        this.kind = kind;
        this.maker = maker;
        this.scope = scope;
    }

    static ProviderFault of(String kind, Maker maker) {
        ProviderFault fault = new ProviderFault(kind, maker, new Scope(null, null, null, null));
        fault.toFault();
        return fault;
    }

    /**
     * Serves the fault on this share of requests, drawn from the world's seeded random.
     *
     * @throws IllegalArgumentException unless {@code share} is between 0 and 1
     */
    public ProviderFault probability(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(kind + ": a probability is between 0 and 1, was " + share);
        }
        return new ProviderFault(kind, maker, new Scope(share, scope.models(), scope.attempts(), scope.when()));
    }

    /** Serves the fault only on requests for these models (the ids the provider's catalog names). */
    public ProviderFault onModels(String... modelIds) {
        Objects.requireNonNull(modelIds, "model ids");
        if (modelIds.length == 0) {
            throw new IllegalArgumentException(kind + ": name at least one model, or leave the fault on every model");
        }
        return new ProviderFault(kind, maker, new Scope(scope.probability(), List.of(modelIds), scope.attempts(),
                scope.when()));
    }

    /**
     * Serves the fault only on these attempts of a task: {@code onAttempts(1)} fails a task's first call to this
     * provider and lets its retries through. Attempts are counted per provider from the task id in the request
     * (the {@code [brownout-task id=...]} header of its last user message); a request without one is no attempt
     * of anything, so an attempt-scoped fault never applies to it.
     *
     * @throws IllegalArgumentException unless at least one attempt is named and every one is 1 or more
     */
    public ProviderFault onAttempts(int... attempts) {
        Objects.requireNonNull(attempts, "attempt numbers");
        if (attempts.length == 0) {
            throw new IllegalArgumentException(kind + ": name at least one attempt (1 is a task's first call), or "
                    + "leave the fault on every attempt");
        }
        for (int attempt : attempts) {
            if (attempt < 1) {
                throw new IllegalArgumentException(kind + ": attempts are numbered from 1 (a task's first call), was "
                        + attempt);
            }
        }
        return new ProviderFault(kind, maker, new Scope(scope.probability(), scope.models(),
                Arrays.stream(attempts).boxed().toList(), scope.when()));
    }

    /**
     * Serves the fault only on requests whose conversation ends with an assistant message to continue (a
     * prefill, or a gateway resuming a cut stream), e.g. to refuse them as models without prefill support do.
     */
    public ProviderFault onAssistantPrefill() {
        return new ProviderFault(kind, maker, new Scope(scope.probability(), scope.models(), scope.attempts(),
                FaultCondition.ASSISTANT_PREFILL));
    }

    Fault toFault() {
        return maker.make(scope);
    }

    @Override
    public String toString() {
        return kind + (scope.probability() == null ? "" : " p=" + scope.probability())
                + (scope.models() == null ? "" : " on " + scope.models())
                + (scope.attempts() == null ? "" : " on attempts " + scope.attempts())
                + (scope.when() == null ? "" : " when " + scope.when().label());
    }
}
