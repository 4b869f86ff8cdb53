package dev.brownout.faultproxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the embedded server is deliberately better than Toxiproxy 2.12.0 (see docs/fault-proxy.md):
 * inputs that crash or hang Toxiproxy are refused, and toxic changes never wait on the data plane.
 */
class DeliberateDeviationsTest extends EmbeddedServerFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String error(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").asText();
    }

    @Test
    void negativeBandwidthRateIsRefusedInsteadOfCrashingTheServer() throws IOException {
        proxy("bw", 9);

        HttpResponse<String> response = http.post("/proxies/bw/toxics",
                "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":-1}}");

        assertThat(response.statusCode()).as("status for rate -1").isEqualTo(400);
        assertThat(error(response)).as("error names the attribute").contains("rate");
        assertThat(http.get("/proxies/bw/toxics").body()).as("nothing stored").isEqualTo("[]");
    }

    @Test
    void slicerWithoutAPositiveAverageSizeIsRefused() throws IOException {
        proxy("slicer", 9);

        HttpResponse<String> zero = http.post("/proxies/slicer/toxics",
                "{\"type\":\"slicer\",\"attributes\":{\"average_size\":0}}");

        assertThat(zero.statusCode()).as("status for average_size 0").isEqualTo(400);
        assertThat(error(zero)).as("error names the attribute").contains("average_size");
    }

    @Test
    void slicerVariationLargerThanTheAverageIsRefused() throws IOException {
        proxy("slicer", 9);

        HttpResponse<String> response = http.post("/proxies/slicer/toxics",
                "{\"type\":\"slicer\",\"attributes\":{\"average_size\":10,\"size_variation\":11}}");

        assertThat(response.statusCode()).as("status for size_variation > average_size").isEqualTo(400);
        assertThat(error(response)).as("error names the attribute").contains("size_variation");
    }

    @Test
    void updateToAHarmfulValueIsRefusedAndTheToxicKeepsItsValue() throws IOException {
        Proxy proxy = proxy("bw", 9);
        proxy.toxics().bandwidth("limit", ToxicDirection.DOWNSTREAM, 100);

        HttpResponse<String> response = http.post("/proxies/bw/toxics/limit", "{\"attributes\":{\"rate\":-5}}");

        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(http.get("/proxies/bw/toxics/limit").body()).as("rate kept").contains("\"rate\":100");
    }

    @Test
    void removingAToxicWhoseClientNeverReadsReturnsPromptly() throws Exception {
        try (LoopbackServer flood = LoopbackServer.handling(socket -> {
            byte[] block = new byte[64 * 1024];
            OutputStream out = socket.getOutputStream();
            while (true) {
                out.write(block);
            }
        })) {
            Proxy proxy = proxy("stuck", flood.port());
            Toxic latency = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 10);
            try (Socket socket = connect(proxy)) {
                // The client reads nothing, so the downstream pump blocks writing to it.
                Thread.sleep(500);

                long start = System.nanoTime();
                latency.remove();
                long removeMillis = millisSince(start);
                start = System.nanoTime();
                proxy.toxics().latency("again", ToxicDirection.DOWNSTREAM, 10);
                long addMillis = millisSince(start);

                assertThat(removeMillis).as("removing a toxic in front of a blocked writer (ms)").isLessThan(1_000);
                assertThat(addMillis).as("the next API call (ms)").isLessThan(1_000);
            }
        }
    }

    @Test
    void removingResetPeerDuringItsWaitCancelsTheResetWithoutBlocking() throws Exception {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            Proxy proxy = proxy("reset", echo.port());
            Toxic reset = proxy.toxics().resetPeer("r", ToxicDirection.UPSTREAM, 5_000);
            try (Socket socket = connect(proxy)) {
                socket.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(200);

                long start = System.nanoTime();
                reset.remove();
                long removeMillis = millisSince(start);
                byte[] echoed = socket.getInputStream().readNBytes(4);

                assertThat(removeMillis).as("removing reset_peer during its 5 s wait (ms)").isLessThan(1_000);
                assertThat(new String(echoed, StandardCharsets.US_ASCII)).as("the held chunk goes through instead of a reset")
                        .isEqualTo("ping");
            }
        }
    }

    @Test
    void everyApiCallAnswersPromptlyWhileManyConnectionsStream() throws Exception {
        try (LoopbackServer flood = LoopbackServer.handling(socket -> {
            byte[] block = new byte[16 * 1024];
            OutputStream out = socket.getOutputStream();
            while (true) {
                out.write(block);
            }
        })) {
            Proxy proxy = proxy("busy", flood.port());
            proxy.toxics().bandwidth("slow", ToxicDirection.DOWNSTREAM, 0);
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    sockets.add(connect(proxy));
                }
                long slowest = 0;
                for (int i = 0; i < 20; i++) {
                    ToxicDirection direction = i % 2 == 0 ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
                    long start = System.nanoTime();
                    Toxic toxic = proxy.toxics().latency("l" + i, direction, 5);
                    slowest = Math.max(slowest, millisSince(start));
                    start = System.nanoTime();
                    toxic.setToxicity(0.5f);
                    slowest = Math.max(slowest, millisSince(start));
                    start = System.nanoTime();
                    client.getProxies();
                    slowest = Math.max(slowest, millisSince(start));
                    start = System.nanoTime();
                    toxic.remove();
                    slowest = Math.max(slowest, millisSince(start));
                }
                long start = System.nanoTime();
                proxy.toxics().get("slow").remove();
                long release = millisSince(start);

                // Generous because the flooding peers share this JVM's two cores with the server.
                assertThat(slowest).as("slowest single API call with 200 flooding connections held (ms)")
                        .isLessThan(5_000);
                assertThat(release).as("removing the toxic holding 200 connections (ms)").isLessThan(5_000);
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
