package dev.brownout.junit;

import dev.brownout.BrownoutWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static dev.brownout.junit.Fixtures.TWO_PROVIDERS;
import static dev.brownout.junit.Fixtures.failures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Test classes run in parallel each get their own world on their own ports. Each fixture's test waits at a
 * barrier for the other class's test, so they pass only when both classes really ran at once.
 */
class ParallelClassesTest {

    private static final Map<String, String> PARALLEL_CLASSES = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();
    static volatile CyclicBarrier bothClassesRunning;

    @BeforeEach
    void readyTheBarrier() {
        SEEN.clear();
        bothClassesRunning = new CyclicBarrier(2);
    }

    @Test
    void annotatedClassesRunInParallelOnDistinctPorts() {
        EngineExecutionResults results = Fixtures.run(PARALLEL_CLASSES, AnnotatedOne.class, AnnotatedTwo.class);

        assertThat(failures(results)).as("failures of the fixtures (a broken barrier means they did not run at once)").isEmpty();
        assertThat(SEEN.get(AnnotatedOne.class.getSimpleName())).as("the two classes' worlds")
                .isNotSameAs(SEEN.get(AnnotatedTwo.class.getSimpleName()));
        assertThat(ports(AnnotatedOne.class)).as("the ports of one class's world against the other's")
                .doesNotContainAnyElementsOf(ports(AnnotatedTwo.class));
    }

    @Test
    void subclassesSharingAStaticFieldEachGetTheirOwnWorld() {
        EngineExecutionResults results = Fixtures.run(PARALLEL_CLASSES, FieldOne.class, FieldTwo.class);

        assertThat(failures(results)).as("failures of the fixtures (a broken barrier means they did not run at once)").isEmpty();
        assertThat(ports(FieldOne.class)).as("the ports of one class's world against the other's")
                .doesNotContainAnyElementsOf(ports(FieldTwo.class));
        assertThat((String) SEEN.get("world() in " + FieldOne.class.getSimpleName()))
                .as("world() of one extension serving two classes at once says so").contains("2 worlds open at once");
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> ports(Class<?> fixture) {
        return (List<Integer>) SEEN.get(fixture.getSimpleName() + " ports");
    }

    /** Records the class's world and ports once the other class's test is running too. */
    abstract static class WaitsForTheOtherClass {

        @Test
        void test(BrownoutWorld world) throws Exception {
            bothClassesRunning.await(20, TimeUnit.SECONDS);
            String name = getClass().getSimpleName();
            SEEN.put(name, world);
            SEEN.put(name + " ports", world.providers().stream().map(provider -> Fixtures.port(provider.baseUrl())).toList());
            bothClassesRunning.await(20, TimeUnit.SECONDS); // both worlds are still open while the ports are compared
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class AnnotatedOne extends WaitsForTheOtherClass {
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class AnnotatedTwo extends WaitsForTheOtherClass {
    }

    abstract static class SharedField extends WaitsForTheOtherClass {

        @RegisterExtension
        static BrownoutExtension brownout = BrownoutExtension.newInstance().scenario(TWO_PROVIDERS).build();

        @BeforeEach
        void askTheField() throws Exception {
            bothClassesRunning.await(20, TimeUnit.SECONDS);
            assertThatThrownBy(brownout::world).as("world() while two classes run").isInstanceOf(IllegalStateException.class)
                    .satisfies(e -> SEEN.put("world() in " + getClass().getSimpleName(), e.getMessage()));
        }
    }

    static class FieldOne extends SharedField {
    }

    static class FieldTwo extends SharedField {
    }
}
