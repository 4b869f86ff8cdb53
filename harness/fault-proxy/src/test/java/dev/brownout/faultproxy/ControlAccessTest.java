package dev.brownout.faultproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Authenticator;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.PasswordAuthentication;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The control API's two additions for a server other hosts reach: a bearer token on every call, and no
 * every-interface {@code listen} on a server started on loopback. 127.0.0.2 stands in for another host.
 */
class ControlAccessTest {

    private static final String TOKEN = "control-token-123";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> call(ToxiproxyServer server, String method, String path, String body,
                                             String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return new RawHttp(server.url()).send(request.build());
    }

    private static ToxiproxyServer tokened() {
        return ToxiproxyServer.start(ServerConfig.ephemeral().withHost("127.0.0.2").withToken(TOKEN));
    }

    @Test
    void aCallWithoutTheTokenGets401InToxiproxysErrorShape() throws IOException {
        try (ToxiproxyServer server = tokened()) {
            HttpResponse<String> response = call(server, "GET", "/proxies", null, null);

            assertThat(response.statusCode()).as("GET /proxies without a token").isEqualTo(401);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("status").asInt()).as("Toxiproxy's error body carries the status").isEqualTo(401);
            assertThat(body.path("error").asText()).as("and says a bearer token is required")
                    .contains("requires a bearer token");
        }
    }

    @Test
    void aWrongTokenGets401AndNothingIsCreated() {
        try (ToxiproxyServer server = tokened()) {
            HttpResponse<String> response = call(server, "POST", "/proxies",
                    "{\"name\":\"x\",\"listen\":\"127.0.0.2:0\",\"upstream\":\"127.0.0.2:9\"}", "Bearer wrong");

            assertThat(response.statusCode()).as("POST /proxies with a wrong token").isEqualTo(401);
            assertThat(response.body()).as("the refusal does not echo the token").doesNotContain("wrong\"")
                    .doesNotContain(TOKEN);
            assertThat(call(server, "GET", "/proxies", null, "Bearer " + TOKEN).body())
                    .as("the proxies after the refused create").isEqualTo("{}");
        }
    }

    @Test
    void theRightBearerTokenIsLetThrough() {
        try (ToxiproxyServer server = tokened()) {
            assertThat(call(server, "POST", "/proxies",
                    "{\"name\":\"x\",\"listen\":\"127.0.0.2:0\",\"upstream\":\"127.0.0.2:9\"}", "Bearer " + TOKEN)
                    .statusCode()).as("POST /proxies with the token").isEqualTo(201);
        }
    }

    @Test
    void toxiproxyJavaReachesATokenedServerThroughAnAuthenticatorGivingTheTokenAsPassword() throws IOException {
        Authenticator before = Authenticator.getDefault();
        try (ToxiproxyServer server = tokened()) {
            ToxiproxyClient client = new ToxiproxyClient(server.host(), server.port());
            assertThatThrownBy(client::getProxies).as("toxiproxy-java without credentials")
                    .isInstanceOf(IOException.class);

            // as docs/fault-proxy.md tells a toxiproxy-java user to do
            Authenticator.setDefault(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication("toxiproxy", TOKEN.toCharArray());
                }
            });
            Proxy created = client.createProxy("through-authenticator", "127.0.0.2:0", "127.0.0.2:9");

            assertThat(created.getListen()).as("a proxy created by toxiproxy-java with the token as password")
                    .startsWith("127.0.0.2:");
            assertThat(client.getProxies()).as("and listed by it").hasSize(1);
        } finally {
            Authenticator.setDefault(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0.0.0.0:0", "[::]:0", ":0"})
    void aLoopbackServerRefusesAnEveryInterfaceListen(String listen) throws IOException {
        try (ToxiproxyServer server = ToxiproxyServer.start(ServerConfig.ephemeral().withHost("127.0.0.2"))) {
            HttpResponse<String> response = new RawHttp(server.url()).post("/proxies",
                    "{\"name\":\"wide\",\"listen\":\"" + listen + "\",\"upstream\":\"127.0.0.1:9\"}");

            assertThat(response.statusCode()).as("create with listen '%s' on a loopback server", listen).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asText()).as("the refusal says why and what to give")
                    .contains("every interface").contains("127.0.0.1:0");
            assertThat(new RawHttp(server.url()).get("/proxies").body()).as("no proxy was made").isEqualTo("{}");
        }
    }

    @Test
    void aLoopbackServerRefusesAnEveryInterfaceListenInPopulateAndUpdateToo() {
        try (ToxiproxyServer server = ToxiproxyServer.start(ServerConfig.ephemeral())) {
            RawHttp http = new RawHttp(server.url());
            HttpResponse<String> populate = http.post("/populate",
                    "[{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"},"
                            + "{\"name\":\"b\",\"listen\":\"0.0.0.0:0\",\"upstream\":\"127.0.0.1:9\"}]");
            assertThat(populate.statusCode()).as("populate with one every-interface listen").isEqualTo(400);
            assertThat(http.get("/proxies").body()).as("populate made none of its proxies").isEqualTo("{}");

            http.post("/proxies", "{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}");
            assertThat(http.post("/proxies/a", "{\"listen\":\"0.0.0.0:0\"}").statusCode())
                    .as("moving a proxy to every interface").isEqualTo(400);
        }
    }

    @Test
    void aServerOnANonLoopbackAddressAcceptsAnEveryInterfaceListen() throws IOException {
        Optional<InetAddress> address = nonLoopbackAddress();
        Assumptions.assumeTrue(address.isPresent(),
                "this machine has no non-loopback IPv4 address to start a server on; 127.0.0.2 is loopback");
        try (ToxiproxyServer server = ToxiproxyServer.start(ServerConfig.ephemeral()
                .withHost(address.get().getHostAddress()))) {
            HttpResponse<String> response = new RawHttp(server.url()).post("/proxies",
                    "{\"name\":\"wide\",\"listen\":\"0.0.0.0:0\",\"upstream\":\"127.0.0.1:9\"}");

            assertThat(response.statusCode()).as("create with listen 0.0.0.0:0 on a server on %s; body %s",
                    address.get(), response.body()).isEqualTo(201);
            assertThat(JSON.readTree(response.body()).path("listen").asText()).as("it listens on every interface")
                    .startsWith("[::]:");
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress candidate : Collections.list(network.getInetAddresses())) {
                if (candidate instanceof Inet4Address && !candidate.isLoopbackAddress() && !candidate.isLinkLocalAddress()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
