package dev.brownout.junit;

import dev.brownout.BrownoutRun;
import dev.brownout.BrownoutWorld;
import dev.brownout.WorldOAuth;
import dev.brownout.WorldProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.brownout.junit.Fixtures.ONE_PROVIDER;
import static dev.brownout.junit.Fixtures.TWO_PROVIDERS;
import static dev.brownout.junit.Fixtures.failures;
import static org.assertj.core.api.Assertions.assertThat;

/** What a test can take as a parameter, and the message for each way of asking wrongly. */
class ParameterInjectionTest {

    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void forgetWhatFixturesSaw() {
        SEEN.clear();
    }

    @Test
    void aProviderIsInjectedByName() {
        EngineExecutionResults results = Fixtures.run(ProviderByName.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("backup")).as("@ProviderName(\"backup\") is the world's backup").isSameAs(SEEN.get("world's backup"));
    }

    @Test
    void anUnknownProviderNameListsTheWorldsProviders() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(UnknownProvider.class));

        assertThat(failure).as("the failure of @ProviderName(\"tertiary\")")
                .hasMessageContaining("UnknownProvider.test")
                .hasMessageContaining("@ProviderName(\"tertiary\")")
                .hasMessageContaining("primary, backup");
    }

    @Test
    void anUnnamedProviderIsTheOnlyOne() {
        EngineExecutionResults results = Fixtures.run(OnlyProvider.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("provider")).as("the single provider's name").isEqualTo("only");
    }

    @Test
    void anUnnamedProviderAmongSeveralIsRefusedWithTheirNames() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(UnnamedAmongTwo.class));

        assertThat(failure).as("an unnamed WorldProvider in a world of two")
                .hasMessageContaining("2 providers (primary, backup)")
                .hasMessageContaining("@ProviderName(\"primary\")");
    }

    @Test
    void theOAuthServerIsInjected() {
        EngineExecutionResults results = Fixtures.run(OAuthServer.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("oauth")).as("the injected OAuth server is the world's").isSameAs(SEEN.get("world's oauth"));
    }

    @Test
    void anOAuthServerInAWorldWithoutOneIsRefused() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(NoOAuthServer.class));

        assertThat(failure).as("a WorldOAuth parameter in a world without an OAuth server")
                .hasMessageContaining("WorldOAuth oauth of ")
                .hasMessageContaining("has no OAuth server");
    }

    @Test
    void aWorldWithTheExtensionButNoScenarioSaysHowToDeclareOne() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(ExtensionWithoutScenario.class));

        assertThat(failure).as("a BrownoutWorld parameter under @ExtendWith(BrownoutExtension.class) alone")
                .hasMessageContaining("no Brownout world is declared for " + ExtensionWithoutScenario.class.getName())
                .hasMessageContaining("@WithBrownoutWorld(scenario = ")
                .hasMessageContaining("BrownoutExtension.newInstance().scenario(");
    }

    @Test
    void aNamedProviderWithoutAnyWorldGetsTheSameAdvice() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(ProviderNameWithoutWorld.class));

        assertThat(failure).as("@ProviderName brings the extension with it, so the answer is ours")
                .hasMessageContaining("no Brownout world is declared");
    }

    @Test
    void aWorldWithoutTheExtensionIsJUnitsOwnNoResolverMessage() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(NoExtension.class));

        assertThat(failure).as("what JUnit says when nothing of Brownout is declared")
                .hasMessageContaining("No ParameterResolver registered for parameter [dev.brownout.BrownoutWorld world]");
    }

    @Test
    void aWorldPerTestCannotBeTakenByABeforeAllMethod() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(PerTestWorldInBeforeAll.class));

        assertThat(failure).as("a per-test world asked for in @BeforeAll")
                .hasMessageContaining("starts a world per test")
                .hasMessageContaining("@BeforeEach");
    }

    @Test
    void anUnknownScenarioFailsTheClassNamingTheShippedOnes() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(UnknownScenario.class));

        assertThat(failure).as("@WithBrownoutWorld(scenario = \"oauth-outrage\")")
                .hasMessageContaining("@WithBrownoutWorld(scenario = \"oauth-outrage\") on " + UnknownScenario.class.getName())
                .hasMessageContaining("'oauth-outrage' is neither a shipped scenario")
                .hasMessageContaining("oauth-outage");
    }

    @Test
    void aMissingClasspathScenarioNamesTheResource() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(MissingClasspathScenario.class));

        assertThat(failure).as("a classpath: scenario that is not there")
                .hasMessageContaining("no class path resource 'scenarios/absent.yaml'");
    }

    @Test
    void aScenarioFileWithProblemsIsToldWithItsLines() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(BrokenScenario.class));

        assertThat(failure).as("a scenario file with a problem on line 3")
                .hasMessageContaining("@WithBrownoutWorld(scenario = \"classpath:/scenarios/broken.yaml\")")
                .hasMessageContaining("broken.yaml:3");
    }

    @Test
    void aClassDeclaringTwoWorldsIsRefused() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(TwoDeclarations.class));

        assertThat(failure).as("an annotation and a field on one class")
                .hasMessageContaining(TwoDeclarations.class.getName() + " declares 2 Brownout worlds");
    }

    @Test
    void aRunOutsideABrownoutTestIsRefused() {
        Throwable failure = Fixtures.firstFailure(Fixtures.run(RunInAPlainTestMethod.class));

        assertThat(failure).as("a BrownoutRun parameter in a plain test")
                .hasMessageContaining("BrownoutRun run of ")
                .hasMessageContaining("@BrownoutTest(scenario = ..., sut = ...)");
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class ProviderByName {

        @Test
        void test(BrownoutWorld world, @ProviderName("backup") WorldProvider backup) {
            SEEN.put("backup", backup);
            SEEN.put("world's backup", world.provider("backup"));
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class UnknownProvider {

        @Test
        void test(@ProviderName("tertiary") WorldProvider provider) {
            SEEN.put("ran", true);
        }
    }

    @WithBrownoutWorld(scenario = ONE_PROVIDER)
    static class OnlyProvider {

        @Test
        void test(WorldProvider provider) {
            SEEN.put("provider", provider.name());
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class UnnamedAmongTwo {

        @Test
        void test(WorldProvider provider) {
            SEEN.put("ran", true);
        }
    }

    @WithBrownoutWorld(scenario = "oauth-outage")
    static class OAuthServer {

        @Test
        void test(BrownoutWorld world, WorldOAuth oauth) {
            SEEN.put("oauth", oauth);
            SEEN.put("world's oauth", world.oauth());
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class NoOAuthServer {

        @Test
        void test(WorldOAuth oauth) {
            SEEN.put("ran", true);
        }
    }

    @ExtendWith(BrownoutExtension.class)
    static class ExtensionWithoutScenario {

        @Test
        void test(BrownoutWorld world) {
            SEEN.put("ran", true);
        }
    }

    static class ProviderNameWithoutWorld {

        @Test
        void test(@ProviderName("primary") WorldProvider primary) {
            SEEN.put("ran", true);
        }
    }

    static class NoExtension {

        @Test
        void test(BrownoutWorld world) {
            SEEN.put("ran", true);
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS, lifecycle = WorldLifecycle.PER_TEST)
    static class PerTestWorldInBeforeAll {

        @BeforeAll
        static void early(BrownoutWorld world) {
            SEEN.put("ran", true);
        }

        @Test
        void test() {
            SEEN.put("ran", true);
        }
    }

    @WithBrownoutWorld(scenario = "oauth-outrage")
    static class UnknownScenario {

        @Test
        void test() {
            SEEN.put("ran", true);
        }
    }

    @WithBrownoutWorld(scenario = "classpath:/scenarios/absent.yaml")
    static class MissingClasspathScenario {

        @Test
        void test() {
            SEEN.put("ran", true);
        }
    }

    @WithBrownoutWorld(scenario = "classpath:/scenarios/broken.yaml")
    static class BrokenScenario {

        @Test
        void test() {
            SEEN.put("ran", true);
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class TwoDeclarations {

        @RegisterExtension
        static BrownoutExtension brownout = BrownoutExtension.newInstance().scenario(ONE_PROVIDER).build();

        @Test
        void test() {
            SEEN.put("ran", true);
        }
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS)
    static class RunInAPlainTestMethod {

        @Test
        void test(BrownoutRun run) {
            SEEN.put("ran", true);
        }
    }
}
