package dev.brownout.faultproxy.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Toxiproxy 2.12.0's control API as clients see it (reference section 3.1 and toxiproxy-java's
 * own tests), through toxiproxy-java where it can express the case and raw HTTP where it cannot.
 */
abstract class ApiConformanceSuite extends BackendFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private String createBody(String name, int slot) {
        return "{\"name\":\"" + name + "\",\"listen\":\"" + backend.listenAddress(slot)
                + "\",\"upstream\":\"" + backend.upstreamFor(9) + "\"}";
    }

    @Test
    void versionReportsToxiproxyReleaseInJsonWithTrailingNewline() throws IOException {
        HttpResponse<String> response = http.get("/version");

        assertThat(response.statusCode()).as("GET /version status").isEqualTo(200);
        assertThat(response.body()).as("GET /version body").isEqualTo("{\"version\": \"2.12.0\"}\n");
        assertThat(client.version()).as("toxiproxy-java version()").contains("2.12.0");
    }

    @Test
    void routedResponsesCarryARequestId() {
        HttpResponse<String> response = http.send("GET", "/version", null, "curl/8.5.0");

        assertThat(response.headers().firstValue("X-Toxiproxy-Request-Id"))
                .as("request id header on a routed response").hasValueSatisfying(id -> assertThat(id).hasSize(20));
    }

    @Test
    void browserUserAgentsAreRefusedButOtherAgentsAreNot() {
        HttpResponse<String> browser = http.send("GET", "/proxies", null, "Mozilla/5.0 (X11; Linux x86_64)");
        HttpResponse<String> wget = http.send("GET", "/proxies", null, "Wget/2.1");

        assertThat(browser.statusCode()).as("status for a browser user agent").isEqualTo(403);
        assertThat(browser.body()).as("body for a browser user agent").isEqualTo("User agent not allowed\n");
        assertThat(wget.statusCode()).as("status for wget").isEqualTo(200);
    }

    @Test
    void emptyServerListsAnEmptyObject() {
        HttpResponse<String> response = http.get("/proxies");

        assertThat(response.statusCode()).as("status").isEqualTo(200);
        assertThat(response.body()).as("proxy list with nothing configured").isEqualTo("{}");
    }

    @Test
    void unknownPathIsAPlainText404() {
        HttpResponse<String> response = http.get("/no/such/path");

        assertThat(response.statusCode()).as("status for an unknown path").isEqualTo(404);
        assertThat(response.body()).as("body for an unknown path").isEqualTo("404 page not found\n");
    }

    @Test
    void knownPathWithWrongMethodIsAnEmpty405() {
        HttpResponse<String> put = http.send("PUT", "/proxies", "{}", null);
        HttpResponse<String> getReset = http.get("/reset");

        assertThat(put.statusCode()).as("PUT /proxies").isEqualTo(405);
        assertThat(put.body()).as("PUT /proxies body").isEmpty();
        assertThat(getReset.statusCode()).as("GET /reset").isEqualTo(405);
    }

    @Test
    void createWithoutNameIsRefusedWithToxiproxysErrorBody() throws IOException {
        HttpResponse<String> response = http.post("/proxies", "{\"upstream\":\"127.0.0.1:9\"}");

        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("error").isEqualTo("missing required field: name");
        assertThat(json(response).path("status").asInt()).as("status field").isEqualTo(400);
        assertThat(response.body()).as("error bodies end with a newline").endsWith("}\n");
        assertThat(response.headers().firstValue("Content-Type")).as("error content type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void createWithoutUpstreamIsRefused() throws IOException {
        HttpResponse<String> response = http.post("/proxies", "{\"name\":\"x\",\"listen\":\"127.0.0.1:0\"}");

        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("error").isEqualTo("missing required field: upstream");
    }

    @Test
    void malformedBodyIsA400WithBadRequestBodyPrefix() throws IOException {
        HttpResponse<String> broken = http.post("/proxies", "{bad json");
        HttpResponse<String> empty = http.post("/proxies", "");

        assertThat(broken.statusCode()).as("status for malformed JSON").isEqualTo(400);
        assertThat(json(broken).path("error").asText()).as("error for malformed JSON").startsWith("bad request body: ");
        assertThat(json(empty).path("error").asText()).as("error for an empty body").isEqualTo("bad request body: EOF");
    }

    @Test
    void wrongJsonTypeForAFieldIsA400() throws IOException {
        HttpResponse<String> response = http.post("/proxies", "{\"name\":5,\"upstream\":\"127.0.0.1:9\"}");

        assertThat(response.statusCode()).as("status for a numeric name").isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("error").startsWith("bad request body: ");
    }

    @Test
    void createdProxyReportsResolvedListenAndVerbatimUpstream() throws IOException {
        String listen = backend.fixedListenAddress(0, "localhost");
        String port = listen.substring(listen.indexOf(':') + 1);

        Proxy proxy = client.createProxy("resolved", listen, "localhost:9");

        assertThat(proxy.getListen()).as("listen after start").isEqualTo("127.0.0.1:" + port);
        assertThat(proxy.getUpstream()).as("upstream is stored verbatim").isEqualTo("localhost:9");
        assertThat(proxy.isEnabled()).as("enabled by default").isTrue();
        assertThat(client.getProxy("resolved").getListen()).as("listen read back").isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void proxyJsonHasToxiproxysFieldsInOrder() throws IOException {
        http.post("/proxies", createBody("shape", 0));

        HttpResponse<String> response = http.get("/proxies/shape");
        List<String> fields = new ArrayList<>();
        json(response).fieldNames().forEachRemaining(fields::add);

        assertThat(fields).as("proxy fields in Toxiproxy's order")
                .containsExactly("name", "listen", "upstream", "enabled", "Logger", "toxics");
        assertThat(json(response).path("Logger").isObject()).as("Logger is an object").isTrue();
        assertThat(json(response).path("toxics").isArray()).as("toxics is an array").isTrue();
    }

    @Test
    void proxiesAreListedSortedByName() throws IOException {
        client.createProxy("test-proxy2", backend.listenAddress(2), backend.upstreamFor(9));
        client.createProxy("test-proxy0", backend.listenAddress(0), backend.upstreamFor(9));
        client.createProxy("test-proxy1", backend.listenAddress(1), backend.upstreamFor(9));

        List<String> names = client.getProxies().stream().map(Proxy::getName).toList();

        assertThat(names).as("names in GET /proxies order").containsExactly("test-proxy0", "test-proxy1", "test-proxy2");
    }

    @Test
    void duplicateProxyNameIsAConflict() throws IOException {
        proxy("twice", 0, 9);

        assertThatThrownBy(() -> client.createProxy("twice", backend.listenAddress(1), backend.upstreamFor(9)))
                .as("creating a second proxy with the same name")
                .isInstanceOf(IOException.class).hasMessage("[409] proxy already exists");
    }

    @Test
    void secondProxyOnTheSameListenFailsWithBindError() throws IOException {
        String listen = backend.fixedListenAddress(0, "127.0.0.1");
        client.createProxy("first", listen, backend.upstreamFor(9));

        HttpResponse<String> response = http.post("/proxies",
                "{\"name\":\"second\",\"listen\":\"" + listen + "\",\"upstream\":\"127.0.0.1:9\"}");

        assertThat(response.statusCode()).as("status").isEqualTo(500);
        assertThat(json(response).path("error").asText()).as("error")
                .isEqualTo("listen tcp " + listen + ": bind: address already in use");
        assertThat(client.getProxyOrNull("second")).as("the failed proxy is not stored").isNull();
    }

    @Test
    void proxyCreatedDisabledKeepsListenAsGivenUntilEnabled() throws IOException {
        String listen = backend.fixedListenAddress(0, "localhost");
        http.post("/proxies", "{\"name\":\"later\",\"listen\":\"" + listen
                + "\",\"upstream\":\"127.0.0.1:9\",\"enabled\":false}");

        Proxy disabled = client.getProxy("later");
        assertThat(disabled.isEnabled()).as("created disabled").isFalse();
        assertThat(disabled.getListen()).as("listen kept as given while never started").isEqualTo(listen);

        disabled.enable();
        Proxy enabled = client.getProxy("later");
        assertThat(enabled.isEnabled()).as("enabled after update").isTrue();
        assertThat(enabled.getListen()).as("listen resolved once started").startsWith("127.0.0.1:");
    }

    @Test
    void deletedProxyIsGoneAndASecondDeleteIs404() throws IOException {
        Proxy proxy = proxy("gone", 0, 9);

        proxy.delete();

        assertThat(client.getProxies()).as("proxies after delete").isEmpty();
        HttpResponse<String> again = http.send("DELETE", "/proxies/gone", null, null);
        assertThat(again.statusCode()).as("second delete status").isEqualTo(404);
        assertThat(json(again).path("error").asText()).as("second delete error").isEqualTo("proxy not found");
    }

    @Test
    void updateAcceptsPostAndPatchWithPartialBodies() throws IOException {
        proxy("partial", 0, 9);

        HttpResponse<String> post = http.post("/proxies/partial", "{\"enabled\":false}");
        HttpResponse<String> patch = http.send("PATCH", "/proxies/partial", "{\"upstream\":\"127.0.0.1:10\"}", null);

        assertThat(post.statusCode()).as("POST update status").isEqualTo(200);
        assertThat(json(post).path("enabled").asBoolean()).as("disabled by POST").isFalse();
        assertThat(patch.statusCode()).as("PATCH update status").isEqualTo(200);
        assertThat(json(patch).path("upstream").asText()).as("upstream changed by PATCH").isEqualTo("127.0.0.1:10");
        assertThat(json(patch).path("enabled").asBoolean()).as("enabled untouched by PATCH").isFalse();
    }

    @Test
    void resetReenablesProxiesAndRemovesAllToxicsButKeepsProxies() throws IOException {
        Proxy proxy = proxy("resettable", 0, 9);
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100);
        proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 10);
        proxy.disable();

        HttpResponse<String> response = http.post("/reset", null);

        assertThat(response.statusCode()).as("reset status").isEqualTo(204);
        assertThat(response.body()).as("reset body").isEmpty();
        Proxy after = client.getProxy("resettable");
        assertThat(after.isEnabled()).as("re-enabled by reset").isTrue();
        assertThat(after.toxics().getAll()).as("toxics after reset").isEmpty();
    }

    @Test
    void toxiproxyJavaResetWorksWithItsEmptyBody() throws IOException {
        // A fresh client: reset() re-reads every proxy a client ever handed out, deleted ones included.
        ToxiproxyClient fresh = backend.client();
        Proxy proxy = fresh.createProxy("javareset", backend.listenAddress(0), backend.upstreamFor(9));
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100);

        fresh.reset();

        assertThat(fresh.getProxy("javareset").toxics().getAll()).as("toxics after client.reset()").isEmpty();
    }

    @Test
    void populateCreatesProxiesInOrderWithStatus201() throws IOException {
        HttpResponse<String> response = http.post("/populate", "[" + createBody("pop-b", 0) + ","
                + createBody("pop-a", 1).replace("}", ",\"enabled\":false}") + "]");

        assertThat(response.statusCode()).as("status").isEqualTo(201);
        JsonNode proxies = json(response).path("proxies");
        assertThat(proxies.size()).as("proxies returned").isEqualTo(2);
        assertThat(proxies.get(0).path("name").asText()).as("first in request order").isEqualTo("pop-b");
        assertThat(proxies.get(0).path("enabled").asBoolean()).as("enabled by default").isTrue();
        assertThat(proxies.get(1).path("enabled").asBoolean()).as("explicitly disabled").isFalse();
    }

    @Test
    void populateWithAMissingNameCreatesNothing() throws IOException {
        HttpResponse<String> response = http.post("/populate", "[" + createBody("ok", 0)
                + ",{\"upstream\":\"127.0.0.1:9\"}]");

        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("error")
                .isEqualTo("missing required field: name at proxy 2");
        assertThat(json(response).has("proxies")).as("populate errors always carry proxies").isTrue();
        assertThat(client.getProxies()).as("nothing created").isEmpty();
    }

    @Test
    void populateStopsAtAnUnparsableListenKeepingEarlierItems() throws IOException {
        HttpResponse<String> response = http.post("/populate", "[" + createBody("one", 0)
                + ",{\"name\":\"two\",\"listen\":\"local373\",\"upstream\":\"127.0.0.1:9\"},"
                + createBody("three", 2) + "]");

        assertThat(response.statusCode()).as("status").isEqualTo(500);
        assertThat(json(response).path("error").asText()).as("error").contains("missing port in address");
        assertThat(json(response).path("proxies").size()).as("proxies processed before the error").isEqualTo(1);
        assertThat(client.getProxies().stream().map(Proxy::getName).toList()).as("proxies left")
                .containsExactly("one");
    }

    @Test
    void populateKeepsAnIdenticalExistingProxyWithItsToxics() throws IOException {
        String listen = backend.fixedListenAddress(0, "127.0.0.1");
        String port = listen.substring(listen.indexOf(':') + 1);
        Proxy existing = client.createProxy("same", listen, "127.0.0.1:9");
        existing.toxics().latency("kept", ToxicDirection.DOWNSTREAM, 100);

        HttpResponse<String> response = http.post("/populate",
                "[{\"name\":\"same\",\"listen\":\"localhost:" + port + "\",\"upstream\":\"127.0.0.1:9\"}]");

        assertThat(response.statusCode()).as("status").isEqualTo(201);
        assertThat(json(response).path("proxies").get(0).path("listen").asText()).as("listen returned resolved")
                .isEqualTo("127.0.0.1:" + port);
        assertThat(client.getProxy("same").toxics().getAll()).as("toxics of the kept proxy").hasSize(1);
    }

    @Test
    void populateOfAnEmptyArrayReturnsNullProxies() throws IOException {
        HttpResponse<String> response = http.post("/populate", "[]");

        assertThat(response.statusCode()).as("status").isEqualTo(201);
        assertThat(json(response).path("proxies").isNull()).as("proxies is null when nothing was processed").isTrue();
    }

    @Test
    void newProxyHasNoToxics() throws IOException {
        Proxy proxy = proxy("fresh", 0, 9);

        assertThat(proxy.toxics().getAll()).as("toxics of a new proxy").isEmpty();
        assertThat(http.get("/proxies/fresh/toxics").body()).as("raw toxic list").isEqualTo("[]");
    }

    @Test
    void latencyToxicEchoesItsAttributesAndDefaults() throws IOException {
        proxy("lat", 0, 9);

        HttpResponse<String> response = http.post("/proxies/lat/toxics",
                "{\"name\":\"foobar\",\"type\":\"latency\",\"attributes\":{\"latency\":100,\"jitter\":10}}");
        JsonNode toxic = json(response);

        assertThat(response.statusCode()).as("toxic create status is 200, not 201").isEqualTo(200);
        assertThat(toxic.path("attributes").path("latency").asLong()).as("latency").isEqualTo(100);
        assertThat(toxic.path("attributes").path("jitter").asLong()).as("jitter").isEqualTo(10);
        assertThat(toxic.path("stream").asText()).as("default stream").isEqualTo("downstream");
        assertThat(toxic.path("toxicity").asDouble()).as("default toxicity").isEqualTo(1.0);
        assertThat(response.body()).as("toxicity printed as Go prints float32 1").contains("\"toxicity\":1}");
    }

    @Test
    void toxicsReadBackThroughToxiproxyJavaWithEveryAttribute() throws IOException {
        Proxy proxy = proxy("all", 0, 9);
        proxy.toxics().latency("l", ToxicDirection.DOWNSTREAM, 100).setJitter(5);
        proxy.toxics().bandwidth("b", ToxicDirection.UPSTREAM, 200);
        proxy.toxics().slowClose("s", ToxicDirection.DOWNSTREAM, 300);
        proxy.toxics().timeout("t", ToxicDirection.UPSTREAM, 400);
        proxy.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 500, 10);
        proxy.toxics().limitData("ld", ToxicDirection.UPSTREAM, 600);
        proxy.toxics().resetPeer("r", ToxicDirection.DOWNSTREAM, 700);

        List<String> listed = proxy.toxics().getAll().stream()
                .map(t -> t.getName() + "/" + t.getStream()).toList();
        Latency latency = proxy.toxics().get("l", Latency.class);

        assertThat(listed).as("all toxics, upstream ones first, each group in insertion order")
                .containsExactly("b/UPSTREAM", "t/UPSTREAM", "ld/UPSTREAM",
                        "l/DOWNSTREAM", "s/DOWNSTREAM", "sl/DOWNSTREAM", "r/DOWNSTREAM");
        assertThat(latency.getLatency()).as("latency read back").isEqualTo(100);
        assertThat(latency.getJitter()).as("jitter set through the client").isEqualTo(5);
    }

    @Test
    void defaultToxicNamesUseTypeAndStreamSoBothStreamsCoexist() throws IOException {
        proxy("names", 0, 9);

        HttpResponse<String> up = http.post("/proxies/names/toxics", "{\"type\":\"latency\",\"stream\":\"upstream\"}");
        HttpResponse<String> down = http.post("/proxies/names/toxics", "{\"type\":\"latency\",\"stream\":\"downstream\"}");

        assertThat(json(up).path("name").asText()).as("default upstream name").isEqualTo("latency_upstream");
        assertThat(json(down).path("name").asText()).as("default downstream name").isEqualTo("latency_downstream");
        assertThat(json(up).path("attributes").path("jitter").asLong()).as("omitted attribute reads 0").isZero();
    }

    @Test
    void toxicNameIsUniqueAcrossBothStreams() throws IOException {
        Proxy proxy = proxy("unique", 0, 9);
        proxy.toxics().latency("dup", ToxicDirection.DOWNSTREAM, 100);

        assertThatThrownBy(() -> proxy.toxics().bandwidth("dup", ToxicDirection.DOWNSTREAM, 10))
                .as("same name, other type, same stream").hasMessage("[409] toxic already exists");
        assertThatThrownBy(() -> proxy.toxics().latency("dup", ToxicDirection.UPSTREAM, 10))
                .as("same name in the other stream").hasMessage("[409] toxic already exists");
        assertThat(proxy.toxics().get("dup", Latency.class).getLatency()).as("original untouched").isEqualTo(100);
    }

    @Test
    void toxicityIsStoredAndReadBack() throws IOException {
        Proxy proxy = proxy("tox", 0, 9);
        Toxic toxic = proxy.toxics().latency("partly", ToxicDirection.DOWNSTREAM, 100);

        toxic.setToxicity(0.2f);

        assertThat(proxy.toxics().get("partly").getToxicity()).as("toxicity read back").isEqualTo(0.2f);
        assertThat(http.get("/proxies/tox/toxics/partly").body()).as("float32 printed shortest")
                .contains("\"toxicity\":0.2");
    }

    @Test
    void noopToxicTakesDefaults() throws IOException {
        proxy("noop", 0, 9);

        HttpResponse<String> response = http.post("/proxies/noop/toxics", "{\"type\":\"noop\"}");

        assertThat(response.statusCode()).as("status").isEqualTo(200);
        assertThat(response.body()).as("noop toxic JSON").isEqualTo(
                "{\"attributes\":{},\"name\":\"noop_downstream\",\"type\":\"noop\",\"stream\":\"downstream\",\"toxicity\":1}");
    }

    @Test
    void streamIsParsedCaseInsensitivelyAndEchoedAsSent() throws IOException {
        proxy("case", 0, 9);

        HttpResponse<String> response = http.post("/proxies/case/toxics", "{\"type\":\"latency\",\"stream\":\"UpStream\"}");

        assertThat(json(response).path("stream").asText()).as("stream echoed as sent").isEqualTo("UpStream");
        assertThat(json(response).path("name").asText()).as("default name uses the stream as sent").isEqualTo("latency_UpStream");
    }

    @Test
    void updateMergesAttributesAndKeepsToxicity() throws IOException {
        proxy("merge", 0, 9);
        http.post("/proxies/merge/toxics", "{\"name\":\"m\",\"type\":\"latency\",\"attributes\":{\"latency\":100,\"jitter\":10}}");

        JsonNode first = json(http.post("/proxies/merge/toxics/m", "{\"toxicity\":0.5,\"attributes\":{\"latency\":1000}}"));
        JsonNode second = json(http.post("/proxies/merge/toxics/m", "{\"attributes\":{\"latency\":500}}"));

        assertThat(first.path("attributes").path("jitter").asLong()).as("jitter kept by a latency-only update").isEqualTo(10);
        assertThat(first.path("toxicity").asDouble()).as("toxicity updated").isEqualTo(0.5);
        assertThat(second.path("attributes").path("latency").asLong()).as("latency updated again").isEqualTo(500);
        assertThat(second.path("toxicity").asDouble()).as("toxicity kept when absent").isEqualTo(0.5);
    }

    @Test
    void removedToxicIsNoLongerListed() throws IOException {
        Proxy proxy = proxy("remove", 0, 9);
        proxy.toxics().latency("gone", ToxicDirection.DOWNSTREAM, 100).remove();

        assertThat(proxy.toxics().getAll()).as("toxics after remove").isEmpty();
        assertThat(http.send("DELETE", "/proxies/remove/toxics/gone", null, null).statusCode())
                .as("removing it again").isEqualTo(404);
    }

    @Test
    void invalidStreamIsA400() throws IOException {
        proxy("stream", 0, 9);

        HttpResponse<String> walrus = http.post("/proxies/stream/toxics", "{\"type\":\"latency\",\"stream\":\"walrustream\"}");
        HttpResponse<String> empty = http.post("/proxies/stream/toxics", "{\"type\":\"latency\",\"stream\":\"\"}");

        assertThat(walrus.statusCode()).as("status").isEqualTo(400);
        assertThat(json(walrus).path("error").asText()).as("error")
                .isEqualTo("stream was invalid, can be either upstream or downstream");
        assertThat(empty.statusCode()).as("empty stream").isEqualTo(400);
    }

    @Test
    void unknownToxicTypeIsA400() throws IOException {
        proxy("type", 0, 9);

        HttpResponse<String> response = http.post("/proxies/type/toxics", "{\"type\":\"walrus\"}");

        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("error").isEqualTo("invalid toxic type");
    }

    @Test
    void nonIntegerAttributeIsA400() throws IOException {
        proxy("attr", 0, 9);

        HttpResponse<String> fraction = http.post("/proxies/attr/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":1.5}}");
        HttpResponse<String> text = http.post("/proxies/attr/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":\"100\"}}");

        assertThat(fraction.statusCode()).as("fractional attribute").isEqualTo(400);
        assertThat(text.statusCode()).as("string attribute").isEqualTo(400);
        assertThat(json(text).path("error").asText()).as("error").startsWith("bad request body: ");
        assertThat(http.get("/proxies/attr/toxics").body()).as("nothing stored").isEqualTo("[]");
    }

    @Test
    void toxicRoutesOfAnUnknownProxyAre404() throws IOException {
        HttpResponse<String> list = http.get("/proxies/nope/toxics");
        HttpResponse<String> create = http.post("/proxies/nope/toxics", "{\"type\":\"latency\"}");

        assertThat(list.statusCode()).as("list status").isEqualTo(404);
        assertThat(json(create).path("error").asText()).as("create error").isEqualTo("proxy not found");
    }

    @Test
    void updatingAMissingToxicIs404EvenWithABadBody() throws IOException {
        proxy("missing", 0, 9);

        HttpResponse<String> response = http.post("/proxies/missing/toxics/none", "{not json");

        assertThat(response.statusCode()).as("status").isEqualTo(404);
        assertThat(json(response).path("error").asText()).as("error").isEqualTo("toxic not found");
    }
}
