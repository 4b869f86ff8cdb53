package dev.brownout.gateways;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gateway config files: snake_case YAML, short durations, defaults, and errors that say what is wrong. */
class GatewayConfigTest {

    @Test
    void yamlWithOAuthUpstreamAndShortDurationsLoads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, """
                port: 0
                upstreams:
                  - name: primary
                    base_url: http://127.0.0.1:9000/v1/
                    oauth: { token_url: http://127.0.0.1:9100/token, client_id: agent, client_secret: s3cret }
                    model: mid
                timeouts: { attempt: 250ms, first_byte: 2s }
                breaker: { window: 4, open_for: 1m }
                """);

        GatewayConfig config = GatewayConfig.load(file);

        assertThat(config.host()).as("default host").isEqualTo(GatewayConfig.LOOPBACK);
        assertThat(config.upstreams().getFirst().baseUrl()).as("base URL without its trailing slash")
                .hasToString("http://127.0.0.1:9000/v1");
        assertThat(config.upstreams().getFirst().oauth().clientSecret()).as("client secret").isEqualTo("s3cret");
        assertThat(config.timeouts().attempt()).as("attempt timeout").isEqualTo(Duration.ofMillis(250));
        assertThat(config.timeouts().connect()).as("default connect timeout").isEqualTo(Duration.ofSeconds(2));
        assertThat(config.breaker().openFor()).as("breaker open time").isEqualTo(Duration.ofMinutes(1));
        assertThat(config.retry()).as("default retry policy").isEqualTo(RetryPolicy.defaults());
    }

    @Test
    void upstreamWithBothApiKeyAndOAuthIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, """
                upstreams:
                  - name: primary
                    base_url: http://127.0.0.1:9000/v1
                    api_key: sk-1
                    oauth: { token_url: http://127.0.0.1:9100/token, client_id: agent, client_secret: s }
                    model: mid
                """);

        assertThatThrownBy(() -> GatewayConfig.load(file)).as("loading a config with two credentials")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one of api_key and oauth");
    }

    @Test
    void anthropicDialectIsReadWithItsOriginAsBaseUrl(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, """
                upstreams:
                  - name: backup
                    dialect: anthropic
                    base_url: http://127.0.0.1:9001
                    api_key: sk-ant-1
                    model: mid
                """);

        UpstreamConfig upstream = GatewayConfig.load(file).upstreams().getFirst();

        assertThat(upstream.dialect()).as("dialect read from YAML").isEqualTo(UpstreamDialect.ANTHROPIC);
        assertThat(upstream.baseUrl()).as("the origin, as the Anthropic SDK takes it").hasToString("http://127.0.0.1:9001");
    }

    @Test
    void upstreamWithoutDialectSpeaksOpenAi(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, """
                upstreams:
                  - { name: primary, base_url: http://127.0.0.1:9000/v1, api_key: sk-1, model: mid }
                """);

        assertThat(GatewayConfig.load(file).upstreams().getFirst().dialect()).as("the default dialect")
                .isEqualTo(UpstreamDialect.OPENAI);
    }

    @Test
    void unknownDialectIsRefusedNamingTheValidOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, """
                upstreams:
                  - { name: primary, dialect: gemini, base_url: http://127.0.0.1:9000, api_key: sk-1, model: mid }
                """);

        assertThatThrownBy(() -> GatewayConfig.load(file)).as("loading a config with an unknown dialect")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown dialect 'gemini'").hasMessageContaining("openai, anthropic");
    }
}
