package dev.brownout.junit;

import dev.brownout.Faults;
import dev.brownout.WorldProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.brownout.junit.Fixtures.TWO_PROVIDERS;
import static dev.brownout.junit.Fixtures.failures;
import static org.assertj.core.api.Assertions.assertThat;

/** What a test finds in a shared world: faults and ledgers reset before it (or not), and the phase it asks for. */
class WorldResetTest {

    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void forgetWhatFixturesSaw() {
        SEEN.clear();
    }

    @Test
    void faultsAndLedgersAreResetBeforeEachTest() {
        EngineExecutionResults results = Fixtures.run(Resets.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("down in the first test")).as("the first test really took the primary down").isEqualTo(true);
        assertThat(SEEN.get("accepts in the second test")).as("the second test finds the primary's proxy up again").isEqualTo(true);
        assertThat(SEEN.get("ledger in the second test")).as("the second test finds the primary's ledger empty").isEqualTo(0);
    }

    @Test
    void resetBeforeEachFalseKeepsWhatTheLastTestSet() {
        EngineExecutionResults results = Fixtures.run(KeepsFaults.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("accepts in the second test")).as("the primary is still down in the second test").isEqualTo(false);
        assertThat(SEEN.get("ledger in the second test")).as("the first test's call is still in the ledger").isEqualTo(1);
    }

    @Test
    void keepFaultsBetweenTestsDoesTheSameForAField() {
        EngineExecutionResults results = Fixtures.run(KeepsFaultsInAField.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("accepts in the second test")).as("the primary is still down in the second test").isEqualTo(false);
    }

    @Test
    void inPhaseEntersThePhaseBeforeTheBeforeEachMethods() {
        EngineExecutionResults results = Fixtures.run(EntersPhases.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("primary accepts in @BeforeEach of primaryDown")).as("the @BeforeEach method already sees the phase")
                .isEqualTo(false);
        assertThat(SEEN.get("primary accepts in primaryDown")).as("primary-down: the primary's proxy is down").isEqualTo(false);
        assertThat(SEEN.get("backup accepts in primaryDown")).as("primary-down: the backup is untouched").isEqualTo(true);
        assertThat(SEEN.get("status in primaryAnswers503")).as("primary-503: the primary answers 503").isEqualTo(503);
        assertThat(SEEN.get("status in noPhase")).as("a test without @InPhase gets a clean world").isEqualTo(200);
    }

    @Test
    void anUnknownPhaseFailsTheTestListingThePhases() {
        EngineExecutionResults results = Fixtures.run(UnknownPhase.class);

        assertThat(Fixtures.firstFailure(results)).as("the failure of a test in a phase the scenario lacks")
                .hasMessageContaining("@InPhase(\"primary-on-fire\")")
                .hasMessageContaining("UnknownPhase.test")
                .hasMessageContaining("steady, primary-503, primary-down");
    }

    @Test
    void inPhaseWithoutAWorldSaysHowToDeclareOne() {
        EngineExecutionResults results = Fixtures.run(PhaseWithoutWorld.class);

        assertThat(Fixtures.firstFailure(results)).as("@InPhase in a class without a world")
                .hasMessageContaining("@InPhase(\"steady\")")
                .hasMessageContaining("@WithBrownoutWorld(scenario = ");
    }

    /** Takes the primary down and calls it, then looks at it again in the next test. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class TwoTestsOnOnePrimary {

        @Test
        @Order(1)
        void first(@ProviderName("primary") WorldProvider primary) {
            assertThat(Fixtures.chat(primary)).as("a call before the fault").isEqualTo(200);
            primary.network(Faults.down());
            SEEN.put("down in the first test", !Fixtures.serves(primary.baseUrl()));
        }

        @Test
        @Order(2)
        void second(@ProviderName("primary") WorldProvider primary) {
            SEEN.put("accepts in the second test", Fixtures.serves(primary.baseUrl()));
            SEEN.put("ledger in the second test", primary.ledger().size());
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class Resets extends TwoTestsOnOnePrimary {
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS, resetBeforeEach = false)
    static class KeepsFaults extends TwoTestsOnOnePrimary {
    }

    static class KeepsFaultsInAField extends TwoTestsOnOnePrimary {

        @RegisterExtension
        static BrownoutExtension brownout = BrownoutExtension.newInstance().scenario(TWO_PROVIDERS).keepFaultsBetweenTests().build();
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class EntersPhases {

        @BeforeEach
        void look(@ProviderName("primary") WorldProvider primary, TestInfo test) {
            SEEN.put("primary accepts in @BeforeEach of " + test.getTestMethod().orElseThrow().getName(), Fixtures.serves(primary.baseUrl()));
        }

        @Test
        @InPhase("primary-down")
        void primaryDown(@ProviderName("primary") WorldProvider primary, @ProviderName("backup") WorldProvider backup) {
            SEEN.put("primary accepts in primaryDown", Fixtures.serves(primary.baseUrl()));
            SEEN.put("backup accepts in primaryDown", Fixtures.serves(backup.baseUrl()));
        }

        @Test
        @InPhase("primary-503")
        void primaryAnswers503(@ProviderName("primary") WorldProvider primary) {
            SEEN.put("status in primaryAnswers503", Fixtures.chat(primary));
        }

        @Test
        void noPhase(@ProviderName("primary") WorldProvider primary) {
            SEEN.put("status in noPhase", Fixtures.chat(primary));
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class UnknownPhase {

        @Test
        @InPhase("primary-on-fire")
        void test() {
            SEEN.put("ran", true);
        }
    }

    static class PhaseWithoutWorld {

        @Test
        @InPhase("steady")
        void test() {
            SEEN.put("ran", true);
        }
    }
}
