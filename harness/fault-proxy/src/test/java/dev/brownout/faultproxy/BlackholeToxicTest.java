package dev.brownout.faultproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The brownout.blackhole extension: a hung peer, invisible to clients that do not ask for it. */
class BlackholeToxicTest extends EmbeddedServerFixture {

    private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);

    private void addBlackhole(String proxy) {
        HttpResponse<String> response = http.post("/proxies/" + proxy + "/toxics", "{\"type\":\"brownout.blackhole\"}");
        assertThat(response.statusCode()).as("creating the blackhole toxic: " + response.body()).isEqualTo(200);
    }

    /** "silent" if nothing arrives and the connection stays open for the whole wait. */
    private static String after(Socket socket, int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        InputStream in = socket.getInputStream();
        try {
            int read = in.read();
            return read < 0 ? "eof" : "data";
        } catch (SocketTimeoutException e) {
            return "silent";
        } catch (IOException e) {
            return "reset";
        }
    }

    @Test
    void blackholedConnectionIsAcceptedAndNeverAnswered() throws IOException {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            proxy("hole", echo.port());
            addBlackhole("hole");
            try (Socket socket = connect(client.getProxy("hole"))) {
                socket.getOutputStream().write(PING);

                assertThat(after(socket, 500)).as("what the client sees within 500 ms").isEqualTo("silent");
            }
        }
    }

    @Test
    void blackholeHangsTheClientEvenWhenTheUpstreamIsDown() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        Proxy proxy = proxy("down", closedPort);
        try (Socket plain = connect(proxy)) {
            assertThat(after(plain, 2_000)).as("without the blackhole, a dead upstream ends the connection").isIn("eof", "reset");
        }

        addBlackhole("down");
        try (Socket hung = connect(proxy)) {
            assertThat(after(hung, 500)).as("with the blackhole the client hangs instead").isEqualTo("silent");
        }
    }

    @Test
    void blackholeAddedToALiveConnectionSwallowsFurtherResponses() throws IOException {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            Proxy proxy = proxy("live", echo.port());
            try (Socket socket = connect(proxy)) {
                socket.getOutputStream().write(PING);
                assertThat(socket.getInputStream().readNBytes(4)).as("echo before the blackhole").isEqualTo(PING);

                addBlackhole("live");
                socket.getOutputStream().write(PING);

                assertThat(after(socket, 500)).as("what the client sees after the blackhole was added").isEqualTo("silent");
            }
        }
    }

    @Test
    void removingTheBlackholeClosesTheHungConnections() throws IOException {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            proxy("release", echo.port());
            addBlackhole("release");
            try (Socket socket = connect(client.getProxy("release"))) {
                socket.getOutputStream().write(PING);
                assertThat(after(socket, 300)).as("hung before removal").isEqualTo("silent");

                assertThat(http.send("DELETE", "/proxies/release/toxics/brownout.blackhole_downstream", null, null)
                        .statusCode()).as("delete status").isEqualTo(204);

                assertThat(after(socket, 2_000)).as("after removal").isIn("eof", "reset");
            }
        }
    }

    @Test
    void blackholeIsHiddenFromListingsUnlessTheClientAsksForExtensions() throws IOException {
        Proxy proxy = proxy("hidden", 9);
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 10);
        addBlackhole("hidden");

        HttpResponse<String> withHeader = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/proxies/hidden/toxics"))
                .header("X-Brownout-Extensions", "true").GET().build());

        assertThat(proxy.toxics().getAll()).as("toxiproxy-java, which throws on unknown types, sees only standard toxics")
                .hasSize(1);
        assertThat(http.get("/proxies/hidden").body()).as("proxy JSON without the header")
                .doesNotContain("brownout.blackhole");
        assertThat(withHeader.body()).as("toxic list with the extensions header").contains("\"type\":\"brownout.blackhole\"");
    }

    @Test
    void resetRemovesTheBlackholeToo() throws IOException {
        proxy("cleared", 9);
        addBlackhole("cleared");

        client.reset();

        HttpResponse<String> listing = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/proxies/cleared/toxics"))
                .header("X-Brownout-Extensions", "true").GET().build());
        assertThat(listing.body()).as("toxics after reset, extensions included").isEqualTo("[]");
    }
}
