package dev.brownout.junit;

import dev.brownout.BrownoutWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.brownout.junit.Fixtures.ONE_PROVIDER;
import static dev.brownout.junit.Fixtures.TWO_PROVIDERS;
import static dev.brownout.junit.Fixtures.failures;
import static dev.brownout.junit.Fixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/** How long a world lives, declared by annotation or by field, in plain and {@code @Nested} test classes. */
class WorldLifecycleTest {

    /** What the fixtures saw, by what they call it. */
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void forgetWhatFixturesSaw() {
        SEEN.clear();
    }

    @Test
    void anAnnotatedClassHasOneWorldForAllItsTestsClosedAfterTheClass() {
        EngineExecutionResults results = Fixtures.run(PerClass.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(succeeded(results)).as("tests that passed").isEqualTo(2);
        assertThat(SEEN.get("first")).as("the world of the second test is the first test's").isSameAs(SEEN.get("second"));
        assertThat(((BrownoutWorld) SEEN.get("first")).isClosed()).as("the world is closed after the class").isTrue();
    }

    @Test
    void aWorldPerTestIsFreshForEachTestAndClosedAfterIt() {
        EngineExecutionResults results = Fixtures.run(PerTestWorlds.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("first")).as("the second test's world is a new one").isNotSameAs(SEEN.get("second"));
        assertThat(SEEN.get("first closed when the second ran")).as("the first test's world was closed after it").isEqualTo(true);
        assertThat(((BrownoutWorld) SEEN.get("second")).isClosed()).as("the last world is closed after its test").isTrue();
    }

    @Test
    void aStaticFieldGivesOneWorldForTheClassAndItsNestedClasses() {
        EngineExecutionResults results = Fixtures.run(StaticField.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(succeeded(results)).as("tests that passed").isEqualTo(3);
        assertThat(List.of(SEEN.get("second"), SEEN.get("field in first"), SEEN.get("nested"), SEEN.get("field in nested")))
                .as("the world every test and the field's world() saw").allSatisfy(world -> assertThat(world).isSameAs(SEEN.get("first")));
        assertThat(((BrownoutWorld) SEEN.get("first")).isClosed()).as("the world is closed after the class").isTrue();
    }

    @Test
    void anInstanceFieldGivesAWorldPerTest() {
        EngineExecutionResults results = Fixtures.run(InstanceField.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("field in first")).as("world() of the field is the test's world").isSameAs(SEEN.get("first"));
        assertThat(SEEN.get("second")).as("the second test has a world of its own").isNotSameAs(SEEN.get("first"));
        assertThat(List.of(SEEN.get("first"), SEEN.get("second"))).as("every world is closed after its test")
                .allSatisfy(world -> assertThat(((BrownoutWorld) world).isClosed()).isTrue());
    }

    @Test
    void aNestedClassSharesItsEnclosingClasssWorldUnlessItDeclaresItsOwn() {
        EngineExecutionResults results = Fixtures.run(Enclosing.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(succeeded(results)).as("tests that passed").isEqualTo(4);
        assertThat(SEEN.get("nested")).as("a nested class without a declaration uses the enclosing class's world")
                .isSameAs(SEEN.get("outer"));
        assertThat(((BrownoutWorld) SEEN.get("own")).name()).as("a nested class that declares a world gets its own scenario")
                .isEqualTo("one-provider");
        assertThat(SEEN.get("deeper")).as("a class nested in that one uses the nearest declaration").isSameAs(SEEN.get("own"));
        assertThat(List.of(SEEN.get("outer"), SEEN.get("own"))).as("both worlds are closed at the end")
                .allSatisfy(world -> assertThat(((BrownoutWorld) world).isClosed()).isTrue());
    }

    @Test
    void aConstructorCanTakeAWorldPerClass() {
        EngineExecutionResults results = Fixtures.run(ConstructorTakesTheWorld.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("constructor")).as("the constructor's world is the test's").isSameAs(SEEN.get("test"));
    }

    @Test
    void aFailingBeforeAllStillClosesTheWorld() {
        EngineExecutionResults results = Fixtures.run(FailingBeforeAll.class);

        assertThat(failures(results)).as("the class fails with its @BeforeAll's exception")
                .singleElement().asString().contains("the fixture's @BeforeAll fails");
        assertThat(((BrownoutWorld) SEEN.get("world")).isClosed()).as("the world the @BeforeAll took is closed").isTrue();
        assertThat(Fixtures.accepts((String) SEEN.get("primary"))).as("the primary's proxy port is closed").isFalse();
    }

    @Test
    void worldsAreClosedEvenWhenJUnitIsToldNotToCloseStoredValues() {
        EngineExecutionResults results = Fixtures.run(
                Map.of("junit.jupiter.extensions.store.close.autocloseable.enabled", "false"), PerClass.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(((BrownoutWorld) SEEN.get("first")).isClosed()).as("the world is closed after the class").isTrue();
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClass {

        @Test
        @Order(1)
        void first(BrownoutWorld world) {
            SEEN.put("first", world);
        }

        @Test
        @Order(2)
        void second(BrownoutWorld world) {
            SEEN.put("second", world);
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS, lifecycle = WorldLifecycle.PER_TEST)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerTestWorlds {

        @Test
        @Order(1)
        void first(BrownoutWorld world) {
            SEEN.put("first", world);
        }

        @Test
        @Order(2)
        void second(BrownoutWorld world) {
            SEEN.put("second", world);
            SEEN.put("first closed when the second ran", ((BrownoutWorld) SEEN.get("first")).isClosed());
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticField {

        @RegisterExtension
        static BrownoutExtension brownout = BrownoutExtension.newInstance().scenario(TWO_PROVIDERS).build();

        @Test
        @Order(1)
        void first(BrownoutWorld world) {
            SEEN.put("first", world);
            SEEN.put("field in first", brownout.world());
        }

        @Test
        @Order(2)
        void second(BrownoutWorld world) {
            SEEN.put("second", world);
        }

        @Nested
        class Inner {

            @Test
            void nested(BrownoutWorld world) {
                SEEN.put("nested", world);
                SEEN.put("field in nested", brownout.world());
            }
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InstanceField {

        @RegisterExtension
        BrownoutExtension brownout = BrownoutExtension.newInstance().scenario(TWO_PROVIDERS).build();

        @Test
        @Order(1)
        void first(BrownoutWorld world) {
            SEEN.put("first", world);
            SEEN.put("field in first", brownout.world());
        }

        @Test
        @Order(2)
        void second(BrownoutWorld world) {
            SEEN.put("second", world);
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class Enclosing {

        @Test
        void outer(BrownoutWorld world) {
            SEEN.put("outer", world);
        }

        @Nested
        class WithoutDeclaration {

            @Test
            void nested(BrownoutWorld world) {
                SEEN.put("nested", world);
            }
        }

        @Nested
        @WithBrownoutWorld(scenario = ONE_PROVIDER)
        class WithItsOwnWorld {

            @Test
            void own(BrownoutWorld world) {
                SEEN.put("own", world);
            }

            @Nested
            class Deeper {

                @Test
                void deeper(BrownoutWorld world) {
                    SEEN.put("deeper", world);
                }
            }
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class ConstructorTakesTheWorld {

        ConstructorTakesTheWorld(BrownoutWorld world) {
            SEEN.put("constructor", world);
        }

        @Test
        void test(BrownoutWorld world) {
            SEEN.put("test", world);
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class FailingBeforeAll {

        @BeforeAll
        static void breaks(BrownoutWorld world) {
            SEEN.put("world", world);
            SEEN.put("primary", world.provider("primary").baseUrl());
            throw new IllegalStateException("the fixture's @BeforeAll fails");
        }

        @Test
        void neverRuns() {
            SEEN.put("ran", true);
        }
    }
}
