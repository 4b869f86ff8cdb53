package dev.brownout.assertj;

import dev.brownout.BrownoutRun;
import dev.brownout.WorldProvider;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.RunResult;

import java.util.List;

/**
 * The entry point of Brownout's AssertJ assertions: {@code import static dev.brownout.assertj.BrownoutAssertions.assertThat;}
 *
 * <pre>{@code
 * BrownoutRun run = Brownout.scenario("oauth-outage").against(sut).run();
 * assertThat(run).hasIqLossBelow(0.05).hasVerdict(Verdict.PASS).passesGates();
 * assertThat(run).phase("oauth-down").hasAvailabilityAtLeast(0.95);
 *
 * assertThat(world.provider("primary").ledger()).hasAtMostAttemptsPerTask(3).honouredRetryAfter();
 * }</pre>
 *
 * <p>It can be static-imported beside {@code org.assertj.core.api.Assertions.assertThat}: each method here takes a
 * Brownout type, which Java prefers to AssertJ's more general overloads ({@code assertThat(List)} on a
 * {@code List<ProviderCall>} picks the ledger assertion; to use AssertJ's list assertions on a ledger, call
 * {@code Assertions.assertThat} by its class). For soft assertions see {@link BrownoutSoftAssertions}.
 */
public final class BrownoutAssertions {

    private BrownoutAssertions() {
    }

    /** Assertions on a measured run's result, read on its own: failure messages point to no report. */
    public static RunResultAssert assertThat(RunResult result) {
        return new RunResultAssert(result);
    }

    /**
     * Assertions on a measured run: its result, with every failure message ending with the path of its HTML report,
     * and its gates judged on the figure the run was judged on ({@code RunBuilder.pessimisticGates()}).
     */
    public static RunResultAssert assertThat(BrownoutRun run) {
        return onRun(new RunResultAssert(run == null ? null : run.result()), run);
    }

    /** Assertions on a provider's ledger, e.g. {@code world.provider("primary").ledger()}, or several providers' calls. */
    public static LedgerAssert assertThat(List<ProviderCall> ledger) {
        return new LedgerAssert(ledger);
    }

    /** Assertions on the calls {@code provider} saw since its world started or was last reset, read now. */
    public static LedgerAssert assertThat(WorldProvider provider) {
        return onProvider(new LedgerAssert(provider == null ? null : provider.ledger()), provider);
    }

    static RunResultAssert onRun(RunResultAssert runAssert, BrownoutRun run) {
        return run == null ? runAssert : runAssert.reportedAt(run.reportHtml()).judgedOn(run.gates().bound());
    }

    static LedgerAssert onProvider(LedgerAssert ledgerAssert, WorldProvider provider) {
        return provider == null ? ledgerAssert : ledgerAssert.fromProvider(provider.name());
    }
}
