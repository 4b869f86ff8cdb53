package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run's provider calls grouped by the task id they carried, each group in arrival order. */
final class LedgerTasks {

    private final Map<String, List<ProviderCall>> byTask = new LinkedHashMap<>();
    private final List<ProviderCall> withoutTask = new ArrayList<>();

    LedgerTasks(List<ProviderCall> calls) {
        calls.stream().sorted(LedgerSlice.ARRIVAL).forEach(call -> {
            if (call.taskId() == null) {
                withoutTask.add(call);
            } else {
                byTask.computeIfAbsent(call.taskId(), id -> new ArrayList<>()).add(call);
            }
        });
    }

    /** The task's calls in arrival order; empty when the ledger saw none. */
    List<ProviderCall> of(String taskId) {
        return byTask.getOrDefault(taskId, List.of());
    }

    Map<String, List<ProviderCall>> byTask() {
        return byTask;
    }

    List<ProviderCall> withoutTask() {
        return withoutTask;
    }

    /**
     * The call whose answer the SUT relayed for the task: its last call answered with status 200 that the SUT
     * did not abandon (a hedge it hung up on), else its last call answered with status 200 at all.
     */
    Optional<ProviderCall> serving(String taskId) {
        List<ProviderCall> calls = of(taskId);
        ProviderCall abandoned = null;
        for (int i = calls.size() - 1; i >= 0; i--) {
            ProviderCall call = calls.get(i);
            if (call.status() == 200) {
                if (call.outcome() != CallOutcome.CLIENT_DISCONNECTED) {
                    return Optional.of(call);
                }
                abandoned = abandoned == null ? call : abandoned;
            }
        }
        return Optional.ofNullable(abandoned);
    }
}
