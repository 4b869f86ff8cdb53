package dev.brownout.internal.sut;

import dev.brownout.faultproxy.container.ContainerBackend;
import dev.brownout.internal.run.RunFixtures;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SUT file's container started for real: socat standing in for a gateway, forwarding to the world's primary through
 * the host alias, answers a task and is gone after close. Needs Docker; skipped, with the reason, without it.
 */
class ContainerSutDockerTest {

    @TempDir
    Path folder;

    @BeforeEach
    void needsDocker() {
        Assumptions.assumeTrue(ContainerBackend.dockerAvailable(), "no Docker engine: a SUT container needs one "
                + "(Testcontainers looks at DOCKER_HOST and the Docker socket)");
    }

    @Test
    @Timeout(180)
    void aGatewayContainerFromASutFileAnswersThroughTheWorldsPrimaryAndIsGoneAfterClose() throws Exception {
        SutSpec spec = SutSpec.parse("""
                name: socat-gateway
                adapter: openai-chat
                api_key: "{{providers.primary.api_key}}"
                container:
                  image: alpine/socat:1.8.0.3
                  command: ["TCP-LISTEN:8080,fork,reuseaddr", "TCP:{{providers.primary.address}}"]
                  port: 8080
                  ready: { tcp: 8080, timeout: 60s }
                """, "sut.yaml", folder);

        try (ProxiedWorld world = SutFixtures.startWorld()) {
            StartedSut sut = SutStarter.start(spec, world.endpoints(), world.environment(), folder.resolve("run"), 1.0);
            URI published = URI.create(sut.baseUrl().orElseThrow());
            SutReply reply;
            try {
                reply = sut.sut().send(new SutRequest("task-1", "What is 2 + 2?", false, Duration.ofSeconds(20)));
            } finally {
                sut.close();
            }

            assertThat(reply.status()).as("status; answer %s", reply.answer()).isEqualTo(200);
            assertThat(world.fakes().provider("primary").ledger().all()).as("calls the primary took through the container")
                    .singleElement().satisfies(call -> assertThat(call.status()).as("the primary's status").isEqualTo(200));
            assertThat(sut.stdoutLog()).as("the container's output file").hasValueSatisfying(log -> assertThat(log).exists());
            assertThat(RunFixtures.accepts(published.getHost() + ":" + published.getPort()))
                    .as("the container's published port %s after close", published).isFalse();
        }
    }
}
