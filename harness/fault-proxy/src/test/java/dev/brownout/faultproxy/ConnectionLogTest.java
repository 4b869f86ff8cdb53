package dev.brownout.faultproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection log ({@code GET /brownout/connections}): every connection a proxy accepted, with what became of
 * it, including those to a disabled proxy, which keeps its port and resets each connection at once.
 */
class ConnectionLogTest extends EmbeddedServerFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);

    private static int port(Proxy proxy) {
        String listen = proxy.getListen();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    /** Connects, sends a ping and reads: "refused" (nothing listens), "reset", "eof", "data" or "silent". */
    private static String attempt(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(PING);
            return socket.getInputStream().read() < 0 ? "eof" : "data";
        } catch (ConnectException e) {
            return "refused";
        } catch (SocketTimeoutException e) {
            return "silent";
        } catch (IOException e) {
            return "reset";
        }
    }

    private JsonNode page(String query) throws IOException {
        HttpResponse<String> response = http.get(ConnectionLogEndpoint.PATH + query);
        assertThat(response.statusCode()).as("status of the connection log " + query + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<JsonNode> entries(String proxy) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        page("?proxy=" + proxy).path("entries").forEach(entries::add);
        return entries;
    }

    /** The proxy's only entry, once its connection has ended (a forwarded connection is logged as it ends). */
    private JsonNode onlyEntry(String proxy) throws IOException {
        assertThat(Await.until(() -> {
            try {
                return !entries(proxy).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofSeconds(5))).as("a connection of " + proxy + " was logged within 5 s").isTrue();
        List<JsonNode> entries = entries(proxy);
        assertThat(entries).as("entries of " + proxy).hasSize(1);
        return entries.getFirst();
    }

    @Test
    void aConnectionToADisabledProxyIsResetAtOnceAndLogged() throws IOException {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            Proxy proxy = proxy("down", echo.port());
            proxy.disable();

            long start = System.nanoTime();
            String seen = attempt(port(proxy));

            assertThat(seen).as("what a client sees connecting to a disabled proxy").isEqualTo("reset");
            assertThat(millisSince(start)).as("ms until the client saw the reset").isLessThan(1_000);
            // logged before the reset is sent, so no wait is needed
            List<JsonNode> entries = entries("down");
            assertThat(entries).as("entries of the disabled proxy").hasSize(1);
            JsonNode entry = entries.getFirst();
            assertThat(entry.path("outcome").asText()).as("outcome").isEqualTo("refused_while_down");
            assertThat(entry.path("proxy").asText()).as("proxy").isEqualTo("down");
            assertThat(entry.path("client").asText()).as("client address").startsWith("127.0.0.1:");
            assertThat(entry.path("bytes_to_upstream").asLong()).as("bytes delivered upstream").isZero();
            assertThat(echo.received()).as("connections the upstream saw").isEmpty();
        }
    }

    @Test
    void everyAttemptOnADisabledProxyIsCounted() throws IOException {
        Proxy proxy = proxy("down", 9);
        proxy.disable();

        for (int i = 0; i < 5; i++) {
            assertThat(attempt(port(proxy))).as("attempt " + (i + 1)).isEqualTo("reset");
        }

        assertThat(entries("down")).as("entries after 5 attempts").hasSize(5)
                .allSatisfy(entry -> assertThat(entry.path("outcome").asText()).isEqualTo("refused_while_down"));
    }

    @Test
    void aDisabledProxyKeepsItsPortAndToxiproxyJavaStillSeesItDisabledThenEnabled() throws IOException {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            Proxy proxy = proxy("toggle", echo.port());
            String listen = proxy.getListen();

            proxy.disable();
            assertThat(client.getProxy("toggle").isEnabled()).as("enabled, as toxiproxy-java reads it, when disabled")
                    .isFalse();
            assertThat(client.getProxy("toggle").getListen()).as("listen while disabled").isEqualTo(listen);

            proxy.enable();
            assertThat(client.getProxy("toggle").isEnabled()).as("enabled, as toxiproxy-java reads it, when enabled")
                    .isTrue();
            try (Socket socket = connect(proxy)) {
                socket.getOutputStream().write(PING);
                assertThat(socket.getInputStream().readNBytes(PING.length)).as("echo on the same port after re-enabling")
                        .isEqualTo(PING);
            }
        }
    }

    @Test
    void deletingAProxyClosesItsListener() throws IOException {
        Proxy proxy = proxy("gone", 9);
        proxy.disable();
        int port = port(proxy);

        proxy.delete();

        assertThat(attempt(port)).as("a connection to a deleted proxy's port").isEqualTo("refused");
    }

    @Test
    void aForwardedConnectionIsLoggedWithItsBytesWhenItEnds() throws IOException {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            Proxy proxy = proxy("plain", echo.port());
            try (Socket socket = connect(proxy)) {
                socket.getOutputStream().write(PING);
                assertThat(socket.getInputStream().readNBytes(PING.length)).as("echo").isEqualTo(PING);
                assertThat(entries("plain")).as("entries while the connection is open").isEmpty();
            }

            JsonNode entry = onlyEntry("plain");
            assertThat(entry.path("outcome").asText()).as("outcome").isEqualTo("forwarded");
            assertThat(entry.path("bytes_from_client").asLong()).as("bytes from the client").isEqualTo(4);
            assertThat(entry.path("bytes_to_upstream").asLong()).as("bytes to the upstream").isEqualTo(4);
            assertThat(entry.path("bytes_to_client").asLong()).as("bytes to the client").isEqualTo(4);
            assertThat(entry.path("duration_ms").asLong()).as("duration").isNotNegative();
        }
    }

    @Test
    void aLatencyToxicsPlannedDelayIsNotCountedAsDelayTheProxyAdded() throws IOException {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            Proxy proxy = proxy("slow", echo.port());
            proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 300);
            try (Socket socket = connect(proxy)) {
                for (int i = 0; i < 3; i++) {
                    long sent = System.nanoTime();
                    socket.getOutputStream().write(PING);
                    assertThat(socket.getInputStream().readNBytes(PING.length)).as("echo " + i).isEqualTo(PING);
                    assertThat(millisSince(sent)).as("ms for echo %d through a 300 ms latency toxic", i)
                            .isGreaterThanOrEqualTo(300);
                }
            }

            JsonNode entry = onlyEntry("slow");
            // the toxic's 300 ms are its plan, not the proxy's lateness; a loaded machine adds a few ms, never 300
            assertThat(entry.path("added_delay_ms").asDouble()).as("delay the proxy added beyond the toxic's plan, ms")
                    .isGreaterThanOrEqualTo(0).isLessThan(150);
        }
    }

    @Test
    void chunksHeldPastTheirDueInstantAreCountedAsDelayTheProxyAdded() throws Exception {
        byte[] flood = new byte[16 * 1024 * 1024];
        try (LoopbackServer echo = LoopbackServer.echo()) {
            Proxy proxy = proxy("held", echo.port());
            proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 1);
            try (Socket socket = connect(proxy)) {
                // The client writes far more than the sockets buffer and reads nothing for 500 ms: the echoed chunks
                // pile up in the proxy behind a write the client does not take, past the 1 ms their toxic planned.
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        socket.getOutputStream().write(flood);
                    } catch (IOException ignored) {
                        // the reader below fails the test if the echo stops short
                    }
                });
                Thread.sleep(500);
                assertThat(socket.getInputStream().readNBytes(flood.length)).as("the whole flood echoed").hasSize(flood.length);
                writer.join();
            }

            JsonNode entry = onlyEntry("held");
            assertThat(entry.path("added_delay_ms").asDouble()).as("delay of chunks held behind a client not reading, ms")
                    .isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void aConnectionAResetPeerToxicResetIsLoggedAsReset() throws IOException {
        try (LoopbackServer server = LoopbackServer.recording()) {
            Proxy proxy = proxy("reset", server.port());
            proxy.toxics().resetPeer("rst", ToxicDirection.UPSTREAM, 0);

            assertThat(attempt(port(proxy))).as("what the client sees").isEqualTo("reset");

            JsonNode entry = onlyEntry("reset");
            assertThat(entry.path("outcome").asText()).as("outcome").isEqualTo("reset_by_toxic");
            assertThat(entry.path("bytes_from_client").asLong()).as("bytes from the client").isEqualTo(4);
            assertThat(entry.path("bytes_to_upstream").asLong()).as("bytes to the upstream").isZero();
        }
    }

    @Test
    void aConnectionATimeoutToxicSwallowedIsLoggedAsTimedOut() throws IOException {
        try (LoopbackServer server = LoopbackServer.recording()) {
            Proxy proxy = proxy("slow", server.port());
            proxy.toxics().timeout("drop", ToxicDirection.UPSTREAM, 100);

            assertThat(attempt(port(proxy))).as("what the client sees").isIn("eof", "reset");

            JsonNode entry = onlyEntry("slow");
            assertThat(entry.path("outcome").asText()).as("outcome").isEqualTo("timed_out_by_toxic");
            assertThat(entry.path("bytes_to_upstream").asLong()).as("bytes to the upstream").isZero();
            assertThat(entry.path("duration_ms").asLong()).as("ms the connection lived").isGreaterThanOrEqualTo(90);
        }
    }

    @Test
    void aBlackholedConnectionIsLoggedWhenTheClientGivesUp() throws IOException {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            Proxy proxy = proxy("hole", echo.port());
            HttpResponse<String> added = http.post("/proxies/hole/toxics", "{\"type\":\"brownout.blackhole\"}");
            assertThat(added.statusCode()).as("adding the blackhole: " + added.body()).isEqualTo(200);
            try (Socket socket = connect(proxy)) {
                socket.getOutputStream().write(PING);
            }

            JsonNode entry = onlyEntry("hole");
            assertThat(entry.path("outcome").asText()).as("outcome").isEqualTo("blackholed_by_toxic");
            assertThat(entry.path("bytes_to_upstream").asLong()).as("bytes to the upstream").isZero();
            assertThat(entry.path("bytes_to_client").asLong()).as("bytes to the client").isZero();
        }
    }

    @Test
    void aConnectionWhoseUpstreamRefusesIsLoggedAsUpstreamRefused() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        Proxy proxy = proxy("nowhere", closedPort);

        assertThat(attempt(port(proxy))).as("what the client sees").isIn("eof", "reset");

        JsonNode entry = onlyEntry("nowhere");
        assertThat(entry.path("outcome").asText()).as("outcome").isEqualTo("upstream_refused");
    }

    @Test
    void theCursorGivesWhatHappenedSinceItAndTheProxyFilterSkipsOtherProxies() throws IOException {
        Proxy a = proxy("a", 9);
        Proxy b = proxy("b", 9);
        a.disable();
        b.disable();
        attempt(port(a));
        attempt(port(b));
        attempt(port(a));
        attempt(port(a));

        JsonNode all = page("?since=0");
        assertThat(all.path("entries")).as("every entry").hasSize(4);
        assertThat(all.path("last").asLong()).as("newest sequence number").isEqualTo(4);
        assertThat(page("?since=2").path("entries")).extracting(entry -> entry.path("seq").asLong())
                .as("sequence numbers after 2").containsExactly(3L, 4L);

        JsonNode firstOfA = page("?proxy=a&limit=1");
        assertThat(firstOfA.path("entries")).extracting(entry -> entry.path("seq").asLong())
                .as("a's first page of one").containsExactly(1L);
        long next = firstOfA.path("next").asLong();
        JsonNode restOfA = page("?proxy=a&since=" + next);
        assertThat(restOfA.path("entries")).extracting(entry -> entry.path("seq").asLong())
                .as("a's entries after the cursor " + next + ", b's skipped").containsExactly(3L, 4L);
        JsonNode drained = page("?proxy=a&since=" + restOfA.path("next").asLong());
        assertThat(drained.path("entries")).as("nothing after the last cursor").isEmpty();
        assertThat(drained.path("next").asLong()).as("the cursor stays put").isEqualTo(4);
    }

    @Test
    void aCursorThatIsNotAWholeNumberInRangeIsA400NamingIt() throws IOException {
        for (String query : List.of("?since=-1", "?since=soon", "?limit=0", "?limit=10001")) {
            HttpResponse<String> response = http.get(ConnectionLogEndpoint.PATH + query);
            String parameter = query.substring(1, query.indexOf('='));

            assertThat(response.statusCode()).as("status for " + query).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asText()).as("error for " + query)
                    .contains("'" + parameter + "'");
        }
    }

    @Test
    void aFullLogEvictsItsOldestTenthAndTellsALateReaderHowManyItMissed() {
        ConnectionLog log = new ConnectionLog(10);
        for (int i = 0; i < 11; i++) {
            log.append(seq -> new ConnectionEntry(seq, Instant.EPOCH, "p", "127.0.0.1:1",
                    ConnectionOutcome.REFUSED_WHILE_DOWN, 0, 0, 0, 0, 0));
        }

        ConnectionLog.Page page = log.since(0, 100, null);

        assertThat(page.dropped()).as("entries evicted before a reader from the start asked").isEqualTo(1);
        assertThat(page.entries()).extracting(ConnectionEntry::seq).as("what is left").startsWith(2L).endsWith(11L);
    }
}
