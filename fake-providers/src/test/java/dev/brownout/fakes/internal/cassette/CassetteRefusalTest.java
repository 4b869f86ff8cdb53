package dev.brownout.fakes.internal.cassette;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.ReplayPacing;
import dev.brownout.fakes.UpstreamConfig;
import dev.brownout.fakes.WorldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A provider whose cassette or upstream cannot serve is refused at start, naming what to fix. */
class CassetteRefusalTest {

    private static final String HEADER = "{\"format\":\"brownout-cassette\",\"schema_version\":1,\"provider\":\"openai\","
            + "\"dialect\":\"openai\",\"created\":\"2026-12-01T00:00:00Z\"}";
    private static final String EXCHANGE = "{\"key\":\"sha256:00\",\"api\":\"chat.completions\",\"model\":\"mid\","
            + "\"request\":{},\"status\":200,\"choices\":[{\"index\":0,\"text\":\"hi\",\"finish_reason\":\"stop\"}],"
            + "\"timing\":{\"ttft_ms\":1,\"total_ms\":2}}";

    @TempDir
    Path dir;

    private static void startReplaying(Path cassette) {
        StandInUpstream.start(ProviderConfig.of("openai", DialectKind.OPENAI, "mid")
                .withReplay(cassette, ReplayPacing.RECORDED)).close();
    }

    private Path cassette(String... lines) throws IOException {
        Path file = dir.resolve("cassette.jsonl");
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void aWellFormedCassetteIsAccepted() throws IOException {
        Path file = cassette(HEADER, EXCHANGE);

        assertThat(Cassette.load(file).exchanges("sha256:00"))
                .as("the exchange read back under its key").hasSize(1);
    }

    @Test
    void aMissingCassetteIsRefusedNamingTheFile() {
        Path missing = dir.resolve("nowhere.jsonl");

        assertThatThrownBy(() -> startReplaying(missing)).as("a replay provider whose cassette does not exist")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
    }

    @Test
    void aLineThatIsNotJsonIsRefusedNamingFileAndLine() throws IOException {
        Path file = cassette(HEADER, EXCHANGE, "{\"key\": \"sha256:01\", \"api\":");

        assertThatThrownBy(() -> startReplaying(file)).as("a cassette cut off in its third line")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedNamingFileLineAndField() throws IOException {
        Path file = cassette(HEADER, EXCHANGE.replace("\"status\":200", "\"status\":\"ok\""));

        assertThatThrownBy(() -> startReplaying(file)).as("a status that is text")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("line 2").hasMessageContaining("field 'status'");
    }

    @Test
    void aMissingRequiredFieldIsRefusedNamingIt() throws IOException {
        Path file = cassette(HEADER, EXCHANGE.replace(",\"timing\":{\"ttft_ms\":1,\"total_ms\":2}", ""));

        assertThatThrownBy(() -> startReplaying(file)).as("an exchange without its timing")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2")
                .hasMessageContaining("'timing' is required");
    }

    @Test
    void anotherSchemaVersionIsRefusedNamingTheVersion() throws IOException {
        Path file = cassette(HEADER.replace("\"schema_version\":1", "\"schema_version\":2"), EXCHANGE);

        assertThatThrownBy(() -> startReplaying(file)).as("a cassette of schema version 2")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("line 1").hasMessageContaining("'schema_version' 2")
                .hasMessageContaining("reads version 1");
    }

    @Test
    void anUnreachableUpstreamIsRefusedAtStart() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderConfig provider = ProviderConfig.of("openai", DialectKind.OPENAI, "mid").withUpstream(
                UpstreamConfig.at("http://127.0.0.1:" + closedPort + "/v1", null), dir.resolve("rec.jsonl"));

        assertThatThrownBy(() -> StandInUpstream.start(provider).close()).as("an upstream nobody listens at")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provider 'openai'")
                .hasMessageContaining("127.0.0.1:" + closedPort).hasMessageContaining("unreachable");
    }

    @Test
    void anUnsetKeyVariableIsRefusedAtStartNamingIt() {
        ProviderConfig provider = ProviderConfig.of("openai", DialectKind.OPENAI, "mid").withUpstream(
                UpstreamConfig.at("http://127.0.0.1:9/v1", "BROWNOUT_TEST_NEVER_SET_KEY"), dir.resolve("rec.jsonl"));

        assertThatThrownBy(() -> StandInUpstream.start(provider).close()).as("a key variable that is not set")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BROWNOUT_TEST_NEVER_SET_KEY").hasMessageContaining("not set");
    }

    @Test
    void aSimulatedProviderWithACassetteIsRefusedNamingTheModes() {
        assertThatThrownBy(() -> new ProviderConfig("openai", DialectKind.OPENAI, null, null, null, null, null, null,
                null, null, "x.jsonl", null)).as("a cassette without mode replay")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mode upstream or replay");
    }

    @Test
    void twoProvidersRecordingToOneCassetteAreRefusedNamingBoth() {
        Path shared = dir.resolve("shared.jsonl");
        UpstreamConfig api = UpstreamConfig.at("http://127.0.0.1:9/v1", null);

        assertThatThrownBy(() -> new WorldConfig(1L, null, null, List.of(
                ProviderConfig.of("first", DialectKind.OPENAI).withUpstream(api, shared),
                ProviderConfig.of("second", DialectKind.OPENAI).withUpstream(api, shared))))
                .as("a world whose two recorders share a file").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'first'").hasMessageContaining("'second'").hasMessageContaining("own file");
    }
}
