package dev.brownout.junit;

import dev.brownout.BrownoutWorld;
import dev.brownout.WorldProvider;
import dev.brownout.faultproxy.container.ContainerBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static dev.brownout.junit.Fixtures.TWO_PROVIDERS;
import static dev.brownout.junit.Fixtures.failures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link FaultProxy#CONTAINER}: the real Toxiproxy image where Docker exists, an aborted (skipped) class or test
 * where it does not, and a clear error where the artifact that brings it is missing.
 */
class ContainerFaultProxyTest {

    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void forgetWhatFixturesSaw() {
        SEEN.clear();
    }

    @Test
    void withoutDockerAWorldBehindTheContainerIsAbortedWithTheReason() {
        assumeFalse(ContainerBackend.dockerAvailable(), "a Docker engine is reachable here: the world would start");

        EngineExecutionResults results = Fixtures.run(WorldInContainer.class);

        assertThat(failures(results)).as("nothing fails for want of Docker").isEmpty();
        assertThat(abortReasons(results)).as("why the class was aborted").singleElement().asString()
                .contains("faultProxy = CONTAINER").contains("Docker engine");
        assertThat(SEEN).as("no test ran").isEmpty();
    }

    @Test
    void withoutDockerAMeasuredTestBehindTheContainerIsAbortedWithTheReason() {
        assumeFalse(ContainerBackend.dockerAvailable(), "a Docker engine is reachable here: the run would play");

        EngineExecutionResults results = Fixtures.run(MeasuredInContainer.class);

        assertThat(failures(results)).as("nothing fails for want of Docker").isEmpty();
        assertThat(abortReasons(results)).as("why the test was aborted").singleElement().asString()
                .contains("@BrownoutTest on " + MeasuredInContainer.class.getName()).contains("Docker engine");
    }

    @Test
    void withoutDockerAFieldAskingForTheContainerIsAbortedToo() {
        assumeFalse(ContainerBackend.dockerAvailable(), "a Docker engine is reachable here: the world would start");

        EngineExecutionResults results = Fixtures.run(FieldWorldInContainer.class);

        assertThat(failures(results)).as("nothing fails for want of Docker").isEmpty();
        assertThat(abortReasons(results)).as("why the class was aborted").singleElement().asString()
                .contains("the BrownoutExtension in field " + FieldWorldInContainer.class.getName() + ".brownout")
                .contains("Docker engine");
    }

    @Test
    void withDockerTheWorldIsReachedThroughTheRealToxiproxy() {
        assumeTrue(ContainerBackend.dockerAvailable(), "no Docker engine is reachable: the real Toxiproxy image cannot run");

        EngineExecutionResults results = Fixtures.run(WorldInContainer.class);

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        assertThat(SEEN.get("status")).as("a call through the container's proxy").isEqualTo(200);
    }

    @Test
    void withoutTheContainerArtifactTheErrorNamesTheArtifactToAdd() throws Exception {
        try (URLClassLoader withoutContainer = new URLClassLoader(classPathWithout("fault-proxy-container", "testcontainers"),
                ClassLoader.getPlatformClassLoader())) {
            @SuppressWarnings("unchecked")
            Function<String, String> runner = (Function<String, String>) withoutContainer
                    .loadClass(FixtureRunner.class.getName()).getDeclaredConstructor().newInstance();

            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            String failure;
            thread.setContextClassLoader(withoutContainer); // the launcher finds its engines through this loader
            try {
                failure = runner.apply(WorldInContainer.class.getName());
            } finally {
                thread.setContextClassLoader(before);
            }

            assertThat(failure).as("what a class asking for the container says when the artifact is missing")
                    .contains("ExtensionConfigurationException")
                    .contains("faultProxy = CONTAINER")
                    .contains("dev.brownout:brownout-fault-proxy-container");
        }
    }

    private static List<String> abortReasons(EngineExecutionResults results) {
        return results.allEvents().aborted().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().map(Throwable::getMessage).orElse(""))
                .toList();
    }

    private static URL[] classPathWithout(String... dropped) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Arrays.stream(dropped).noneMatch(entry::contains))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
    }

    @WithBrownoutWorld(scenario = TWO_PROVIDERS, faultProxy = FaultProxy.CONTAINER)
    static class WorldInContainer {

        @Test
        void test(BrownoutWorld world, @ProviderName("primary") WorldProvider primary) {
            SEEN.put("status", Fixtures.chat(primary));
        }
    }

    static class FieldWorldInContainer {

        @RegisterExtension
        static BrownoutExtension brownout = BrownoutExtension.newInstance().scenario(TWO_PROVIDERS)
                .faultProxy(FaultProxy.CONTAINER).build();

        @Test
        void test(BrownoutWorld world) {
            SEEN.put("ran", true);
        }
    }

    static class MeasuredInContainer {

        @BrownoutTest(scenario = TWO_PROVIDERS, sut = "reference:naive", baseline = "none", warmup = "0s",
                faultProxy = FaultProxy.CONTAINER)
        void test() {
            SEEN.put("ran", true);
        }
    }
}
