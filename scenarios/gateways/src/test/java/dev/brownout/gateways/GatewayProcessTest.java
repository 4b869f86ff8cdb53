package dev.brownout.gateways;

import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The resilient gateway as its own process: config file in, base URL out, gone when its stdin closes. */
class GatewayProcessTest {

    private TestWorld world;
    private Process gateway;

    @BeforeEach
    void start() {
        world = TestWorld.start(51);
    }

    @AfterEach
    void stop() {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly();
        }
        world.close();
    }

    /** Starts {@code mainClass} on the config and returns the base URL it printed. */
    private String startProcess(String mainClass, Path config) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        gateway = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), mainClass,
                config.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(20, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> ask(String baseUrl) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"any\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void naiveGatewayProcessServesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, """
                {"upstreams": [{"name": "primary", "base_url": "%s", "api_key": "%s", "model": "%s"}]}
                """.formatted(world.primary().baseUrl(), world.primary().apiKey(), TestWorld.PRIMARY_MODEL));

        String baseUrl = startProcess("dev.brownout.gateways.naive.NaiveGateway", config);
        HttpResponse<String> answer = ask(baseUrl);
        gateway.destroy();
        boolean exited = gateway.waitFor(10, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).as("status of a call through the process").isEqualTo(200);
        assertThat(exited).as("the process stopped on SIGTERM").isTrue();
    }

    @Test
    void resilientGatewayProcessServesAndStopsWhenStdinCloses(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                upstreams:
                  - name: primary
                    base_url: %s
                    api_key: %s
                    model: %s
                  - name: backup
                    base_url: %s
                    api_key: %s
                    model: %s
                timeouts:
                  attempt: 5s
                  first_byte: 2s
                retry:
                  base_backoff: 20ms
                """.formatted(world.primary().baseUrl(), world.primary().apiKey(), TestWorld.PRIMARY_MODEL,
                world.backup().baseUrl(), world.backup().apiKey(), TestWorld.BACKUP_MODEL));

        String baseUrl = startProcess("dev.brownout.gateways.resilient.ResilientGateway", config);
        HttpResponse<String> answer = ask(baseUrl);
        gateway.getOutputStream().close();
        boolean exited = gateway.waitFor(10, TimeUnit.SECONDS);

        assertThat(baseUrl).as("the one line the process prints").matches("http://127\\.0\\.0\\.1:\\d+/v1");
        assertThat(answer.statusCode()).as("status of a call through the process").isEqualTo(200);
        assertThat(answer.headers().firstValue(ClientReplies.UPSTREAM_HEADER)).as("who served").contains("primary");
        assertThat(world.primary().ledger().all()).as("primary's ledger").extracting(ProviderCall::status)
                .isEqualTo(List.of(200));
        assertThat(exited).as("the process stopped once its stdin closed").isTrue();
        assertThat(gateway.exitValue()).as("exit code").isZero();
    }
}
