package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.behaviour.HangFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.UnterminatedFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an answer ends, byte by byte on a keep-alive HTTP/1.1 connection the test reads itself: a clean cut ends
 * the chunked body with its zero-length chunk; an abort closes the connection (FIN) without it; a reset sends
 * RST; a hang with a duration closes the connection having sent nothing.
 */
class AbruptEndWireTest {

    private static final String LAST_CHUNK = "\r\n0\r\n\r\n";
    private static FakeWorld world;
    private static FakeProvider provider;

    @BeforeAll
    static void start() {
        world = TestWorlds.start(23, ProviderConfig.of("openai", DialectKind.OPENAI, "mid"));
        provider = world.provider("openai");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** What arrived on the connection, and how the connection ended. */
    private record Wire(String bytes, String end, Duration took) {
    }

    /**
     * Sends one streaming request on a keep-alive connection and reads until the chunked body ends (the connection
     * then stays open) or the connection does.
     */
    private static Wire exchange() throws IOException {
        String body = "{\"model\":\"mid\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
        try (Socket socket = new Socket("127.0.0.1", URI.create(provider.baseUrl()).getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: fake\r\n"
                    + "Authorization: Bearer " + provider.apiKey() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            long start = System.nanoTime();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            String end;
            try {
                end = "FIN";
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, read);
                    if (received.toString(StandardCharsets.UTF_8).endsWith(LAST_CHUNK)) {
                        end = "body complete";
                        break;
                    }
                }
            } catch (SocketException e) {
                end = e.getMessage();
            }
            return new Wire(received.toString(StandardCharsets.UTF_8), end, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Test
    void aCleanCutEndsTheChunkedBodyWithItsZeroLengthChunkAndNoDone() throws IOException {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(2, CutMode.CLEAN, null, null, null, null)));

        Wire wire = exchange();

        assertThat(wire.end()).as("how the response ended").isEqualTo("body complete");
        assertThat(wire.bytes()).as("the chunked body").contains("Transfer-Encoding: chunked").doesNotContain("[DONE]");
    }

    @Test
    void anAbortClosesTheConnectionWithoutTheZeroLengthChunk() throws IOException {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(2, CutMode.ABORT, null, null, null, null)));

        Wire wire = exchange();

        assertThat(wire.end()).as("how the connection ended").isEqualTo("FIN");
        assertThat(wire.bytes()).as("the chunked body").contains("Transfer-Encoding: chunked")
                .endsWith("}\n\n").doesNotContain(LAST_CHUNK);
    }

    @Test
    void aResetSendsRst() throws IOException {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(2, CutMode.RESET, null, null, null, null)));

        Wire wire = exchange();

        assertThat(wire.end()).as("how the connection ended").isEqualTo("Connection reset");
        assertThat(wire.bytes()).as("what arrived before the reset").doesNotContain(LAST_CHUNK);
    }

    @Test
    void anUnterminatedStreamEndsItsBodyCleanlyAfterTheFinishChunk() throws IOException {
        provider.behaviour().replace(ProviderBehaviour.of(new UnterminatedFault(null, null, null, null)));

        Wire wire = exchange();

        assertThat(wire.end()).as("how the response ended").isEqualTo("body complete");
        assertThat(wire.bytes()).as("the chunked body").contains("\"finish_reason\":\"stop\"").doesNotContain("[DONE]");
    }

    @Test
    void aHangWithADurationClosesTheConnectionHavingSentNothing() throws IOException {
        provider.behaviour().replace(ProviderBehaviour.of(new HangFault(Duration.ofMillis(400), null, null, null, null)));

        Wire wire = exchange();

        assertThat(wire.end()).as("how the connection ended").isEqualTo("FIN");
        assertThat(wire.bytes()).as("bytes sent").isEmpty();
        assertThat(wire.took()).as("how long the connection was held").isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }
}
