package dev.brownout.assertj;

import dev.brownout.LedgerChecks;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Finding;
import dev.brownout.reports.FindingKind;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Assertions on a provider's ledger, the calls a fake provider saw: how the code under test behaved towards it.
 * Made by {@link BrownoutAssertions#assertThat(List)} on {@code world.provider("primary").ledger()} (or on several
 * providers' calls together), or {@link BrownoutAssertions#assertThat(dev.brownout.WorldProvider)}:
 *
 * <pre>{@code
 * assertThat(world.provider("primary").ledger()).hasAtMostAttemptsPerTask(3).honouredRetryAfter();
 * }</pre>
 *
 * <p>Each assertion is judged by {@link LedgerChecks}, the code behind a scenario's conduct checks and security
 * findings, so a ledger that passes here passes the same check in a measured run. Calls are grouped into tasks by
 * the task id their prompt carried. A failure quotes the check's own detail: which task, how many calls, which
 * provider; moments in it count from the ledger's first call.
 *
 * <p>It is also AssertJ's list assertion on the calls, so the usual list assertions and filters apply and keep
 * these: {@code assertThat(ledger).filteredOn(call -> call.status() == 529).hasSize(2)}.
 */
public class LedgerAssert extends AbstractListAssert<LedgerAssert, List<ProviderCall>, ProviderCall, ObjectAssert<ProviderCall>> {

    private String source;

    /**
     * Assertions on {@code actual}, named in messages by the providers its calls went to;
     * {@link BrownoutAssertions#assertThat(List)} is the usual way to make one.
     */
    public LedgerAssert(List<ProviderCall> actual) {
        super(actual, LedgerAssert.class);
    }

    @Override
    protected ObjectAssert<ProviderCall> toAssert(ProviderCall call, String description) {
        return new ObjectAssert<>(call).as(description);
    }

    @Override
    protected LedgerAssert newAbstractIterableAssert(Iterable<? extends ProviderCall> calls) {
        List<ProviderCall> copy = new ArrayList<>();
        calls.forEach(copy::add);
        LedgerAssert narrowed = new LedgerAssert(copy);
        narrowed.source = source;
        return narrowed;
    }

    /** Names the ledger after the provider it was read from, which an empty ledger cannot tell. */
    LedgerAssert fromProvider(String provider) {
        this.source = provider;
        return myself;
    }

    /**
     * Verifies that no task made more than {@code max} calls to any one provider (every call counted: refused,
     * rate-limited and failed ones too), as the conduct check {@code max_attempts_per_task} judges it.
     *
     * @throws IllegalArgumentException for a {@code max} below 1
     */
    public LedgerAssert hasAtMostAttemptsPerTask(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("the most attempts per task is a whole number >= 1, not " + max);
        }
        isNotNull();
        CheckResult check = LedgerChecks.maxAttemptsPerTask(actual, max);
        if (!check.passed()) {
            throw failure("%s", "\nExpecting " + subject() + " to show at most " + max
                    + " calls per task to any one provider, but it shows " + check.observed() + ":\n  " + check.detail());
        }
        return myself;
    }

    /**
     * Verifies that every {@code retry-after} was honoured: after a provider refused a task's call with 429, 503 or
     * 529 and a {@code retry-after}, that task's next call to the same provider waited at least that long (with 10%
     * and 50 ms of slack), as the conduct check {@code honours_retry_after} judges it. Failing over to another
     * provider at once is fine. Passes when no retry followed such a refusal.
     */
    public LedgerAssert honouredRetryAfter() {
        isNotNull();
        CheckResult check = LedgerChecks.honoursRetryAfter(actual);
        if (!check.passed()) {
            throw failure("%s", "\nExpecting " + subject() + " to show every retry-after honoured, but it does not:\n  "
                    + check.detail());
        }
        return myself;
    }

    /**
     * Verifies that no provider in the ledger was shown a credential issued to another part of the world (another
     * provider's key, the OAuth server's token), the finding a run reports as {@code credential_leak}.
     */
    public LedgerAssert hasNoCredentialLeaks() {
        isNotNull();
        List<Finding> leaks = LedgerChecks.securityFindings(actual).stream()
                .filter(finding -> finding.kind() == FindingKind.CREDENTIAL_LEAK).toList();
        if (!leaks.isEmpty()) {
            long leaked = leaks.stream().mapToLong(Finding::count).sum();
            throw failure("%s", "\nExpecting " + subject() + " to show no credential leak, but it shows " + leaked
                    + (leaked == 1 ? " leaked call:" : " leaked calls:")
                    + leaks.stream().map(leak -> "\n  " + leak.where() + ": " + leak.detail()).collect(Collectors.joining()));
        }
        return myself;
    }

    /** The ledger as a message names it: {@code the ledger of primary (5 calls)}. */
    private String subject() {
        TreeSet<String> providers = actual.stream().map(ProviderCall::provider).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        String whose = source != null ? " of " + source
                : providers.isEmpty() ? "" : " of " + String.join(" and ", providers);
        return "the ledger" + whose + " (" + actual.size() + (actual.size() == 1 ? " call)" : " calls)");
    }
}
