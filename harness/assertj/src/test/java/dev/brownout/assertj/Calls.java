package dev.brownout.assertj;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Hand-built ledger lines; only the fields the ledger checks read matter. Times are milliseconds from {@link #START}. */
final class Calls {

    static final Instant START = Instant.parse("2026-03-14T09:00:00Z");

    private long seq;

    /** A call of {@code task} to {@code provider} at {@code atMillis}, taking 10 ms, answered with {@code status}. */
    ProviderCall call(String provider, String task, long atMillis, int status) {
        return call(provider, task, atMillis, status, null, null);
    }

    /** A refusal that asks the caller to wait {@code retryAfterMillis}. */
    ProviderCall refusal(String provider, String task, long atMillis, int status, long retryAfterMillis) {
        return call(provider, task, atMillis, status, retryAfterMillis, null);
    }

    /** A call to {@code provider} that presented a credential {@code owner} issued. */
    ProviderCall foreignCredential(String provider, String task, long atMillis, String owner) {
        return call(provider, task, atMillis, 401, null, owner);
    }

    private ProviderCall call(String provider, String task, long atMillis, int status, Long retryAfterMillis,
                              String credentialOwner) {
        seq++;
        boolean ok = status == 200;
        return new ProviderCall(seq, START.plusMillis(atMillis), provider, "openai", "mid", ok ? "mid" : null,
                "req_" + seq, "key", status, ok ? CallOutcome.COMPLETE : CallOutcome.ERROR, false, 10, ok ? 10 : 0,
                BigDecimal.ZERO, task, null, null, credentialOwner == null ? null : "foreign credential", credentialOwner,
                List.of(), null, 10, ok ? null : "http_" + status, retryAfterMillis);
    }
}
