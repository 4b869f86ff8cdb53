package dev.brownout.assertj;

import dev.brownout.BrownoutRun;
import dev.brownout.WorldProvider;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.RunResult;
import org.assertj.core.api.SoftAssertionsProvider;

import java.util.List;

/**
 * Brownout's assertions as soft assertions, to mix into a soft assertions class of your own:
 *
 * <pre>{@code
 * class MySoftAssertions extends SoftAssertions implements BrownoutSoftAssertionsProvider {}
 *
 * SoftAssertionsProvider.assertSoftly(MySoftAssertions.class, softly -> {
 *     softly.assertThat(run).hasIqLossBelow(0.05);
 *     softly.assertThat(run.result().warnings()).isEmpty();
 * });
 * }</pre>
 *
 * <p>Every failure is collected and reported together at the end. Navigation is soft too: {@code phase(...)} and
 * {@code costAmplification()} return assertions that collect into the same place, and a missing phase or figure is
 * collected instead of thrown (the assertions chained on it then fail too, each saying why). That works because
 * these methods hand the provider to the assertion they make; an assertion made by calling {@link #proxy} directly
 * has soft assertions of its own but navigates hard.
 */
public interface BrownoutSoftAssertionsProvider extends SoftAssertionsProvider {

    /** Soft assertions on a measured run's result, read on its own: failure messages point to no report. */
    default RunResultAssert assertThat(RunResult result) {
        return proxy(RunResultAssert.class, RunResult.class, result).collectingInto(this);
    }

    /** Soft assertions on a measured run; every failure message ends with the path of its HTML report. */
    default RunResultAssert assertThat(BrownoutRun run) {
        RunResultAssert runAssert = proxy(RunResultAssert.class, RunResult.class, run == null ? null : run.result());
        return BrownoutAssertions.onRun(runAssert.collectingInto(this), run);
    }

    /** Soft assertions on a provider's ledger, e.g. {@code world.provider("primary").ledger()}. */
    default LedgerAssert assertThat(List<ProviderCall> ledger) {
        return proxy(LedgerAssert.class, List.class, ledger);
    }

    /** Soft assertions on the calls {@code provider} saw since its world started or was last reset, read now. */
    default LedgerAssert assertThat(WorldProvider provider) {
        return BrownoutAssertions.onProvider(assertThat(provider == null ? null : provider.ledger()), provider);
    }
}
