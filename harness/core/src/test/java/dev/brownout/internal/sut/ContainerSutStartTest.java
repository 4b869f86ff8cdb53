package dev.brownout.internal.sut;

import dev.brownout.faultproxy.container.ContainerBackend;
import dev.brownout.gateways.RunningGateway;
import dev.brownout.gateways.naive.NaiveGateway;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import dev.brownout.world.WorldEndpoints;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting a SUT in a container, with the container itself stood in for where that needs no Docker: the adapter is
 * pointed at its published address, the container is given the world as it sees it and stopped with the SUT, and
 * each way the start can fail leaves nothing running and says why.
 */
class ContainerSutStartTest {

    @TempDir
    Path folder;

    private SutSpec spec(String yaml) {
        return SutSpec.parse(yaml, "sut.yaml", folder);
    }

    @Test
    void theAdapterTalksToTheContainersPublishedAddressAndTheContainerStopsWithTheSut() throws Exception {
        SutSpec spec = spec("""
                name: gw
                adapter: openai-chat
                container: { image: my/gateway, port: 8080 }
                """);
        try (ProxiedWorld world = SutFixtures.startWorld();
             RunningGateway gateway = NaiveGateway.start(ReferenceSut.configFor(world.endpoints(), 1.0))) {
            StandInContainer container = new StandInContainer(URI.create(gateway.baseUrl()).getPort(), folder);
            AtomicReference<ContainerAddresses> given = new AtomicReference<>();

            StartedSut sut = SutStarter.startInContainer(spec, world.endpoints(), world.environment(), folder,
                    addresses -> {
                        given.set(addresses);
                        return container;
                    });
            SutReply reply;
            try {
                reply = sut.sut().send(new SutRequest("task-1", "What is 2 + 2?", false, Duration.ofSeconds(20)));
            } finally {
                sut.close();
            }

            assertThat(sut.baseUrl()).as("the adapter's URL: the container's published address under /v1")
                    .contains("http://127.0.0.1:" + container.mappedPort() + "/v1");
            assertThat(reply.status()).as("status; answer %s", reply.answer()).isEqualTo(200);
            assertThat(world.fakes().provider("primary").ledger().all()).as("calls the primary took through the gateway")
                    .hasSize(1);
            assertThat(given.get().environment().get("BROWNOUT_PRIMARY_BASE_URL")).as("the primary as the container sees it")
                    .startsWith("http://host.testcontainers.internal:");
            assertThat(sut.stdoutLog()).as("the container's output in the run folder").contains(container.stdoutLog());
            assertThat(container.closes).as("times the container was stopped").isEqualTo(1);
        }
    }

    @Test
    void aTemplateNamingAnUnknownVariableStartsNoContainer() {
        SutSpec spec = spec("""
                name: gw
                adapter: openai-chat
                api_key: "{{providers.nobody.api_key}}"
                container: { image: my/gateway, port: 8080 }
                """);
        List<ContainerAddresses> launches = new ArrayList<>();
        WorldEndpoints world = SutFixtures.paperWorld();

        assertThatThrownBy(() -> SutStarter.startInContainer(spec, world, SutFixtures.environmentOf(world), folder,
                addresses -> {
                    launches.add(addresses);
                    return new StandInContainer(1, folder);
                }))
                .as("an api_key naming a provider the world does not have")
                .isInstanceOf(TemplateException.class)
                .hasMessage("api_key line 1: unknown template variable 'providers.nobody.api_key'");
        assertThat(launches).as("containers launched").isEmpty();
    }

    @Test
    void aFailureOnceTheContainerRunsStopsIt() {
        SutSpec spec = spec("""
                name: gw
                adapter: openai-chat
                container: { image: my/gateway, port: 8080 }
                """);
        WorldEndpoints world = SutFixtures.paperWorld();
        StandInContainer container = new StandInContainer(8080, folder) {
            @Override
            public String host() {
                return "not a host";
            }
        };

        assertThatThrownBy(() -> SutStarter.startInContainer(spec, world, SutFixtures.environmentOf(world), folder,
                addresses -> container))
                .as("a published address the adapter cannot use")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(container.closes).as("times the container was stopped").isEqualTo(1);
    }

    @Test
    void withoutADockerEngineAContainerSutDoesNotStartAndSaysSo() {
        Assumptions.assumeFalse(ContainerBackend.dockerAvailable(),
                "a Docker engine is reachable here, so the path without one cannot be taken");
        SutSpec spec = spec("""
                name: socat-gateway
                adapter: openai-chat
                container:
                  image: alpine/socat:1.8.0.3
                  command: ["TCP-LISTEN:8080,fork,reuseaddr", "TCP:{{providers.primary.address}}"]
                  port: 8080
                """);
        WorldEndpoints world = SutFixtures.paperWorld();

        assertThatThrownBy(() -> SutStarter.start(spec, world, SutFixtures.environmentOf(world), folder.resolve("run"), 1.0))
                .as("a container SUT with no Docker engine")
                .isInstanceOf(SutStartException.class)
                .hasMessageStartingWith("SUT 'socat-gateway' runs in a container, and no Docker engine is reachable");
    }

    @Test
    void withoutTestcontainersOnTheClassPathAContainerSutNamesTheArtifactToAdd() throws Exception {
        Path sutFile = folder.resolve("socat.yaml");
        Files.writeString(sutFile, """
                name: socat-gateway
                adapter: openai-chat
                container: { image: alpine/socat:1.8.0.3, port: 8080 }
                """);
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains(File.separator + "testcontainers"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(SutFixtures.java(WithoutTestcontainers.class.getName(),
                sutFile.toString(), folder.resolve("run").toString()));
        command.set(command.indexOf("-cp") + 1, classPath);

        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();

        assertThat(output).as("what a JVM without Testcontainers printed")
                .contains("Testcontainers absent")
                .contains("SUT 'socat-gateway' runs in a container (container: in its SUT file), which needs "
                        + "Testcontainers on the class path: add the dependency org.testcontainers:testcontainers")
                .contains("the Sut of the file: socat-gateway");
        assertThat(child.exitValue()).as("the child's exit code; output:\n%s", output).isZero();
    }

    /** A container that is not one: its published port is a server of the test's, and it counts its stops. */
    private static class StandInContainer implements RunningContainer {
        private final int port;
        private final Path runDir;
        int closes;

        StandInContainer(int port, Path runDir) {
            this.port = port;
            this.runDir = runDir;
        }

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public int mappedPort() {
            return port;
        }

        @Override
        public Path stdoutLog() {
            return runDir.resolve(SutProcess.STDOUT_LOG);
        }

        @Override
        public Path stderrLog() {
            return runDir.resolve(SutProcess.STDERR_LOG);
        }

        @Override
        public void close() {
            closes++;
        }
    }
}
