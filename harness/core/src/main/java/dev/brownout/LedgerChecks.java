package dev.brownout;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.measure.LedgerConduct;
import dev.brownout.internal.measure.SecurityFindings;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Finding;

import java.util.List;
import java.util.Objects;

/**
 * Judges a provider's ledger ({@link WorldProvider#ledger()}) with the conduct checks and security findings a
 * measured run reports, computed by the same code: a test that drives its own client against a
 * {@link BrownoutWorld} can ask whether it retried too often or ignored a {@code retry-after}, and gets the answer a
 * scenario's {@code max_attempts_per_task} or {@code honours_retry_after} would give for those calls.
 * <p>
 * Every result is a {@link CheckResult} judged as a required check: {@link CheckResult#passed()} and a
 * {@link CheckResult#detail()} naming the worst case (which task, how many calls, which provider). A ledger has no
 * run to count time from, so the moments a detail names count from the ledger's first call.
 */
public final class LedgerChecks {

    private LedgerChecks() {
    }

    /**
     * {@code max_attempts_per_task}: the most calls one task made to one provider, every call counted (refused,
     * rate-limited and failed ones too); passes when that is at most {@code limit}. Calls without a task id are not
     * counted.
     *
     * @param ledger provider calls, from one provider's ledger or several
     * @throws IllegalArgumentException for a limit below 1, or a ledger holding a null call
     */
    public static CheckResult maxAttemptsPerTask(List<ProviderCall> ledger, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit of attempts per task is a whole number >= 1, not " + limit);
        }
        return LedgerConduct.attemptsPerTask(checked(ledger), limit);
    }

    /**
     * {@code honours_retry_after}: after a provider refused a task's call with 429, 503 or 529 and a
     * {@code retry-after}, the task's next call to that provider came no earlier than the wait asked (with 10% and
     * 50 ms of slack for clocks and network). Calling another provider at once is failing over, which is fine; a
     * refusal without {@code retry-after} is not judged.
     *
     * @throws IllegalArgumentException for a ledger holding a null call
     */
    public static CheckResult honoursRetryAfter(List<ProviderCall> ledger) {
        return LedgerConduct.retryAfter(checked(ledger));
    }

    /**
     * The security findings a ledger shows, as a run reports them: one
     * {@link dev.brownout.reports.FindingKind#CREDENTIAL_LEAK credential leak} per provider that was shown a credential
     * issued to another part of the world, one {@link dev.brownout.reports.FindingKind#ACCEPTED_BAD_CREDENTIAL} per
     * provider that answered a call whose credential it should have refused. Empty when there are none; no finding
     * shows a secret.
     *
     * @throws IllegalArgumentException for a ledger holding a null call
     */
    public static List<Finding> securityFindings(List<ProviderCall> ledger) {
        return List.copyOf(SecurityFindings.fromLedger(checked(ledger)));
    }

    private static List<ProviderCall> checked(List<ProviderCall> ledger) {
        Objects.requireNonNull(ledger, "a ledger: the list of provider calls, e.g. world.provider(\"primary\").ledger()");
        if (ledger.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("the ledger holds a null call; every entry must be a ProviderCall");
        }
        return ledger;
    }
}
