package dev.brownout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.faultproxy.container.ContainerBackend;
import dev.brownout.internal.run.RunFixtures;
import dev.brownout.reports.PhaseResult;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A gateway in a container as a user sets it up ({@link Sut#container}): options that cannot work are refused at
 * once, a run without Docker does not start and says why, and where Docker exists a run plays through a real container
 * (a TCP forwarder standing in for a gateway), also behind the real Toxiproxy image.
 */
class ContainerSutTest {

    private static final DockerImageName SOCAT = DockerImageName.parse("alpine/socat:1.8.0.3");

    @TempDir
    Path runs;

    private static Scenario shortOutage() throws Exception {
        return ScenarioLoader.load(Path.of(Objects.requireNonNull(ContainerSutTest.class.getResource("/run/short-outage.yaml")).toURI()));
    }

    /**
     * socat in a container: a "gateway" that forwards every connection to the world's primary provider, found as a
     * user's container finds the world, in its environment ({@code BROWNOUT_PRIMARY_BASE_URL}, cut to host:port).
     */
    private static GenericContainer<?> socatGateway() {
        String script = "upstream=${BROWNOUT_PRIMARY_BASE_URL#http://}; "
                + "exec socat TCP-LISTEN:8080,fork,reuseaddr TCP:${upstream%%/*}";
        return new GenericContainer<>(SOCAT).withExposedPorts(8080)
                .withCreateContainerCmdModifier(command -> command.withEntrypoint("/bin/sh", "-c"))
                .withCommand(new String[] {script});
    }

    @Test
    void aContainerSutIsNamedContainerUnlessTheOptionsNameIt() {
        GenericContainer<?> gateway = new GenericContainer<>(SOCAT).withExposedPorts(8080);

        assertThat(Sut.container(gateway).name()).as("the default name").isEqualTo("container");
        assertThat(Sut.container(gateway, Sut.ContainerOptions.openAiChat().name("socat-gateway")).name()).as("a given name")
                .isEqualTo("socat-gateway");
    }

    @Test
    void aContainerThatExposesNoPortNeedsOneNamed() {
        GenericContainer<?> gateway = new GenericContainer<>(SOCAT);

        assertThatThrownBy(() -> Sut.container(gateway)).as("a container with no exposed port and no port option")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the container of SUT 'container' exposes no port: expose the one its API listens on "
                        + "(withExposedPorts(8080)) or name it (Sut.ContainerOptions.port(8080))");
        assertThat(Sut.container(gateway, Sut.ContainerOptions.anthropicMessages().port(8080)).name())
                .as("the same container with its port named").isEqualTo("container");
    }

    @Test
    void optionsThatCannotWorkAreRefusedWithWhatIsValid() {
        Sut.ContainerOptions options = Sut.ContainerOptions.openAiChat();

        assertThatThrownBy(() -> options.port(0)).as("port 0").isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a container port is from 1 to 65535, was 0");
        assertThatThrownBy(() -> options.basePath("v1")).as("a base path without its slash")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a base path is \"\" or starts with / and has no spaces, e.g. /v1; was 'v1'");
        assertThatThrownBy(() -> options.name("my gateway")).as("a name with a space")
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a SUT name is letters, digits");
        assertThatThrownBy(() -> options.model(" ")).as("a blank model").isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a model name cannot be blank");
    }

    @Test
    void withoutADockerEngineTheRunDoesNotStartSaysSoAndLeavesACleanWorld() throws Exception {
        Assumptions.assumeFalse(ContainerBackend.dockerAvailable(),
                "a Docker engine is reachable here, so the path without one cannot be taken");

        assertThatThrownBy(() -> Brownout.scenario(shortOutage()).against(Sut.container(socatGateway()))
                .warmup(Duration.ZERO).noBaseline().outputTo(runs).run())
                .as("a run against a container SUT with no Docker engine")
                .isInstanceOf(RunNotStartedException.class)
                .hasMessageContaining("never started")
                .hasMessageContaining("SUT 'container' runs in a container, and no Docker engine is reachable")
                .satisfies(e -> {
                    Path folder = ((RunNotStartedException) e).run().folder();
                    assertThat(folder.resolve("error.txt")).as("the cause kept in the run folder")
                            .content().contains("while starting the system under test")
                            .contains("no Docker engine is reachable");
                    assertThat(listeners(folder)).as("the world's listeners, from world.json").isNotEmpty()
                            .as("every listener of the world is closed again").noneMatch(RunFixtures::accepts);
                });
    }

    @Test
    @Timeout(300)
    void aRunPlaysThroughAGatewayContainerBehindTheRealToxiproxyImage() throws Exception {
        Assumptions.assumeTrue(ContainerBackend.dockerAvailable(), "no Docker engine: the gateway container and the "
                + "Toxiproxy image need one (Testcontainers looks at DOCKER_HOST and the Docker socket)");

        BrownoutRun run = Brownout.scenario(shortOutage()).loadScale(0.25).warmup(Duration.ZERO).outputTo(runs)
                .against(Sut.container(socatGateway(), Sut.ContainerOptions.openAiChat()
                        .apiKey("{{providers.primary.api_key}}").name("socat-gateway")))
                .faultProxy(ContainerBackend::start)
                .run();

        assertThat(run.completed()).as("the run played to its end; stop reason %s", run.stopReason()).isTrue();
        assertThat(run.result().baseline().completed()).as("the baseline, in a world of its own, played too").isTrue();
        PhaseResult steady = phase(run, "steady");
        PhaseResult down = phase(run, "down");
        assertThat(steady.answered()).as("exchanges the container answered from the primary while it was healthy")
                .isPositive();
        assertThat(down.answered()).as("answered exchanges of %s while the real Toxiproxy held the primary down",
                down.exchanges()).isLessThan(down.exchanges());
        assertThat(run.folder().resolve("sut.stdout.log")).as("the container's output, kept in the run folder").exists();
    }

    @Test
    @Timeout(300)
    void aMeasuredRunPutsEachWorldBehindAToxiproxyContainer() throws Exception {
        Assumptions.assumeTrue(ContainerBackend.dockerAvailable(), "no Docker engine: the Toxiproxy image needs one "
                + "(Testcontainers looks at DOCKER_HOST and the Docker socket)");

        BrownoutRun run = Brownout.scenario(shortOutage()).loadScale(0.25).warmup(Duration.ZERO).outputTo(runs)
                .against(Sut.reference("naive"))
                .faultProxy(ContainerBackend::start)
                .run();

        assertThat(run.completed()).as("the run played to its end; stop reason %s", run.stopReason()).isTrue();
        assertThat(phase(run, "steady").answered()).as("exchanges answered through the Toxiproxy container").isPositive();
        assertThat(phase(run, "down").answered()).as("answered exchanges while the Toxiproxy container held the primary down")
                .isLessThan(phase(run, "down").exchanges());
    }

    @Test
    @Timeout(300)
    void aContainerThatCannotStartIsARunNotStartedExceptionWithItsOutput() throws Exception {
        Assumptions.assumeTrue(ContainerBackend.dockerAvailable(), "no Docker engine: the container needs one");
        Path sutFile = runs.resolve("broken.yaml");
        Files.writeString(sutFile, """
                name: broken-gateway
                adapter: openai-chat
                container:
                  image: alpine/socat:1.8.0.3
                  command: ["not-an-address"]
                  port: 8080
                  ready: { tcp: 8080, timeout: 20s }
                """);

        assertThatThrownBy(() -> Brownout.scenario(shortOutage()).against(Sut.fromFile(sutFile)).warmup(Duration.ZERO)
                .noBaseline().outputTo(runs).run())
                .as("a SUT container that exits at once")
                .isInstanceOf(RunNotStartedException.class)
                .hasMessageContaining("SUT 'broken-gateway': its container did not start")
                .satisfies(e -> {
                    Path folder = ((RunNotStartedException) e).run().folder();
                    assertThat(folder.resolve("error.txt")).as("the cause kept in the run folder").exists();
                    assertThat(listeners(folder)).as("every listener of the world is closed again").noneMatch(RunFixtures::accepts);
                });
    }

    private static PhaseResult phase(BrownoutRun run, String name) {
        return run.result().phases().stream().filter(phase -> phase.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> listeners(Path folder) throws Exception {
        JsonNode world = Mappers.json().readTree(folder.resolve("world.json").toFile());
        List<String> addresses = new ArrayList<>();
        world.path("listeners").forEach(node -> addresses.add(node.asText()));
        return addresses;
    }
}
