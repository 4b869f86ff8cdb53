package dev.brownout.internal.world;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import dev.brownout.faultproxy.ServerConfig;
import dev.brownout.faultproxy.ToxiproxyServer;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.world.ProviderEndpoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The world reads the fault proxy's connection log per target: what an SDK's attempts on a downed provider left. */
class ConnectionLogWorldTest {

    private static Phase phase(Scenario scenario, String name) {
        return scenario.timeline().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<ConnectionRecord> of(ProxyConnectionLog log, String proxy) {
        return log.entries().stream().filter(entry -> entry.proxy().equals(proxy)).toList();
    }

    @Test
    void everyAttemptOfAnSdkOnADownedProviderIsInTheLog() {
        Scenario scenario = ScenarioLibrary.load("primary-hard-down");
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            ProviderEndpoint primary = world.endpoints().provider("primary");
            world.phases().apply(phase(scenario, "primary-down"));
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(primary.baseUrl()).apiKey(primary.apiKey())
                    .maxRetries(2).build();
            try {
                assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                        .model(primary.models().getFirst()).addUserMessage("Say hello.").build()))
                        .as("the SDK's call, its two retries included, while the primary is down")
                        .hasRootCauseInstanceOf(IOException.class);
            } finally {
                client.close();
            }

            List<ConnectionRecord> attempts = of(world.connectionLog(), "primary");

            assertThat(attempts).as("the primary's connections: the first try and two retries").hasSize(3)
                    .allSatisfy(entry -> {
                        assertThat(entry.outcome()).as("outcome").isEqualTo(ConnectionRecord.REFUSED_WHILE_DOWN);
                        assertThat(entry.bytesToUpstream()).as("bytes that reached the fake").isZero();
                    });
            assertThat(world.fakes().provider("primary").ledger().all()).as("the primary's ledger").isEmpty();
        }
    }

    @Test
    void afterClosingTheLogHoldsTheConnectionsThatWereStillOpen() throws IOException {
        ProxiedWorld world = TestWorlds.start("primary-hard-down");
        URI primary = URI.create(world.endpoints().provider("primary").baseUrl());
        try (Socket keptOpen = new Socket(primary.getHost(), primary.getPort())) {
            keptOpen.setSoTimeout(10_000);
            keptOpen.getOutputStream().write(("GET /__brownout/health HTTP/1.1\r\nHost: fake\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(keptOpen.getInputStream().read()).as("the first byte of the fake's answer").isPositive();
            assertThat(of(world.connectionLog(), "primary")).as("the primary's log while the connection is open")
                    .isEmpty();

            world.close();
        }

        assertThat(of(world.connectionLog(), "primary")).as("the primary's log once the world closed").singleElement()
                .satisfies(entry -> {
                    assertThat(entry.outcome()).as("outcome").isEqualTo(ConnectionRecord.CLOSED_BY_PROXY);
                    assertThat(entry.bytesToUpstream()).as("bytes that reached the fake").isPositive();
                    assertThat(entry.bytesToClient()).as("bytes of the answer").isPositive();
                });
    }

    @Test
    void aFaultProxyWithoutTheLogIsNamedAsTheRealToxiproxy() throws IOException {
        try (ToxiproxyServer server = ToxiproxyServer.start(ServerConfig.ephemeral());
             ToxiproxyLookalike toxiproxy = new ToxiproxyLookalike(server.url())) {
            FaultProxyBackend backend = FaultProxyBackend.external(toxiproxy.url());
            try (ProxiedWorld world = ProxiedWorld.start(ScenarioLibrary.load("primary-hard-down").worldConfig(), backend)) {
                ProxyConnectionLog log = world.connectionLog();

                assertThat(log.kept()).as("a log kept").isFalse();
                assertThat(log.notCounted()).as("why not")
                        .startsWith("the fault proxy is the real Toxiproxy (external " + toxiproxy.url() + ")");
                assertThat(world.connectionsNotCounted()).as("why not, as the world says it").contains(log.notCounted());
            }
        }
    }

    /** Relays the control API to an embedded server, answering the connection log's path with 404 as Toxiproxy does. */
    private static final class ToxiproxyLookalike implements AutoCloseable {

        private final HttpServer http;
        private final HttpClient client = HttpClient.newHttpClient();

        ToxiproxyLookalike(URI target) throws IOException {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", exchange -> {
                try (exchange) {
                    URI uri = exchange.getRequestURI();
                    if (uri.getPath().startsWith(TargetProxy.CONNECTIONS_PATH)) {
                        byte[] body = "404 page not found\n".getBytes();
                        exchange.sendResponseHeaders(404, body.length);
                        exchange.getResponseBody().write(body);
                        return;
                    }
                    byte[] request;
                    try (InputStream in = exchange.getRequestBody()) {
                        request = in.readAllBytes();
                    }
                    HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(target.resolve(uri.toString()))
                            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(request))
                            .build(), HttpResponse.BodyHandlers.ofByteArray());
                    answer.headers().firstValue("content-type")
                            .ifPresent(type -> exchange.getResponseHeaders().add("content-type", type));
                    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer.body());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            http.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
        }

        @Override
        public void close() {
            http.stop(0);
            client.close();
        }
    }
}
