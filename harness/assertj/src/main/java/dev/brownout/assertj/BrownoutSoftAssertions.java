package dev.brownout.assertj;

import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

import java.util.function.Consumer;

/**
 * Soft assertions on Brownout runs, phases and ledgers: every failure is collected, and {@link #assertAll()} reports
 * them together, so one test run shows everything a scenario broke.
 *
 * <pre>{@code
 * BrownoutSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(run).hasIqLossBelow(0.05).hasAvailabilityAtLeast(0.99);
 *     softly.assertThat(run).phase("oauth-down").hasIqLossBelow(0.20);
 *     softly.assertThat(world.provider("primary")).hasAtMostAttemptsPerTask(3);
 * });
 * }</pre>
 *
 * <p>It also works with JUnit 5's {@code SoftAssertionsExtension} ({@code @InjectSoftAssertions}), and
 * {@link BrownoutSoftAssertionsProvider} mixes the same assertions into a soft assertions class of your own.
 */
public class BrownoutSoftAssertions extends AbstractSoftAssertions implements BrownoutSoftAssertionsProvider {

    /** Empty soft assertions; call {@link #assertAll()} when done, or use {@link #assertSoftly(Consumer)}. */
    public BrownoutSoftAssertions() {
    }

    /**
     * Runs {@code softly} with fresh soft assertions and then reports every failure it collected in one
     * {@link AssertionError}.
     */
    public static void assertSoftly(Consumer<BrownoutSoftAssertions> softly) {
        SoftAssertionsProvider.assertSoftly(BrownoutSoftAssertions.class, softly);
    }
}
