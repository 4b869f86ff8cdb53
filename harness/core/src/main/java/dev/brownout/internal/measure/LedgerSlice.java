package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The provider calls that belong to a measured run, taken from the providers' whole ledgers. */
public final class LedgerSlice {

    /** Arrival order across providers: by arrival time, then provider, then ledger sequence. */
    static final Comparator<ProviderCall> ARRIVAL = Comparator.comparing(ProviderCall::time)
            .thenComparing(ProviderCall::provider).thenComparingLong(ProviderCall::seq);

    private LedgerSlice() {
    }

    /**
     * The calls each provider's ledger holds after its position before the run (warm-up and earlier calls
     * come before it), in arrival order. A provider without a recorded position gives all its calls.
     *
     * @param ledgers     every provider's ledger entries, by provider name
     * @param ledgerStart each provider's last ledger sequence number before the measured run
     */
    public static List<ProviderCall> runCalls(Map<String, List<ProviderCall>> ledgers, Map<String, Long> ledgerStart) {
        List<ProviderCall> calls = new ArrayList<>();
        ledgers.forEach((provider, entries) -> {
            long start = ledgerStart.getOrDefault(provider, 0L);
            entries.stream().filter(call -> call.seq() > start).forEach(calls::add);
        });
        calls.sort(ARRIVAL);
        return List.copyOf(calls);
    }
}
