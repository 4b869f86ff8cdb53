package dev.brownout.junit;

import dev.brownout.BrownoutWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static dev.brownout.junit.Fixtures.TWO_PROVIDERS;
import static dev.brownout.junit.Fixtures.failures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BrownoutExtension#world()} read as Spring reads a {@code @DynamicPropertySource}: from a lazy supplier
 * when the test instance is post-processed, which is when Spring loads its context.
 */
class ProgrammaticWorldTest {

    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void forgetWhatFixturesSaw() {
        SEEN.clear();
    }

    @Test
    void aLazySupplierReadsTheWorldWhenTheTestInstanceIsProcessed() {
        EngineExecutionResults results = Fixtures.run(SpringLike.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("supplied")).as("the address the supplier gave, against the test's own world")
                .isNotNull().isEqualTo(SEEN.get("primary"));
    }

    @Test
    void aLazySupplierReadsTheWorldWithATestInstancePerClass() {
        EngineExecutionResults results = Fixtures.run(SpringLikePerClassInstance.class);

        assertThat(failures(results)).as("failures of the fixture (the instance is processed before @BeforeAll)").isEmpty();
        assertThat(SEEN.get("supplied")).as("the address the supplier gave, against the test's own world")
                .isNotNull().isEqualTo(SEEN.get("primary"));
    }

    @Test
    void worldBeforeTheClassStartsSaysWhenItWillBeThere() {
        BrownoutExtension brownout = BrownoutExtension.newInstance().scenario(TWO_PROVIDERS).build();

        assertThatThrownBy(brownout::world).as("world() before any test class started it")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not started yet")
                .hasMessageContaining("@DynamicPropertySource");
    }

    @Test
    void worldAfterTheClassClosedSaysSo() {
        Fixtures.run(SpringLike.class);

        assertThatThrownBy(SpringLike.brownout::world).as("world() after the class ended")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has closed with the test class");
        assertThat(((BrownoutWorld) SEEN.get("world")).isClosed()).as("the world itself is closed").isTrue();
    }

    @Test
    void anExtensionWithoutAScenarioIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> BrownoutExtension.newInstance().build()).as("build() without scenario(...)")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(".scenario(\"oauth-outage\")");
    }

    /** Loads "its context" in postProcessTestInstance, evaluating a supplier registered beforehand, as Spring does. */
    static class SpringLike {

        @RegisterExtension
        static BrownoutExtension brownout = BrownoutExtension.newInstance().scenario(TWO_PROVIDERS).build();

        static final Supplier<String> PRIMARY_BASE_URL = () -> brownout.world().provider("primary").baseUrl();

        @RegisterExtension
        static TestInstancePostProcessor contextLoader = (instance, context) -> SEEN.put("supplied", PRIMARY_BASE_URL.get());

        @Test
        void test(BrownoutWorld world) {
            SEEN.put("world", world);
            SEEN.put("primary", world.provider("primary").baseUrl());
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class SpringLikePerClassInstance {

        @RegisterExtension
        static BrownoutExtension brownout = BrownoutExtension.newInstance().scenario(TWO_PROVIDERS).build();

        static final Supplier<String> PRIMARY_BASE_URL = () -> brownout.world().provider("primary").baseUrl();

        @RegisterExtension
        static TestInstancePostProcessor contextLoader = (instance, context) -> SEEN.put("supplied", PRIMARY_BASE_URL.get());

        @Test
        void test(BrownoutWorld world) {
            SEEN.put("primary", world.provider("primary").baseUrl());
        }
    }
}
