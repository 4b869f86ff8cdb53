package dev.brownout.fakes.oauth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated malformed requests, from a seeded random: bad grant types, missing and
 * duplicate parameters, garbage bytes, wrong content types and methods, bad Basic headers, oversized
 * bodies, broken HTTP on a raw socket. The server must answer every one with a 4xx (or close a
 * connection that is not HTTP), never a 5xx or a hang, and stay healthy.
 */
class MalformedRequestsTest {

    private static final int REQUESTS = 2_000;
    private static final Duration PER_REQUEST_LIMIT = Duration.ofSeconds(10);
    private static final String[] PATHS = {
            OAuthServer.TOKEN_PATH, OAuthServer.TOKEN_PATH, OAuthServer.TOKEN_PATH, OAuthServer.INTROSPECT_PATH,
            OAuthServer.REVOKE_PATH, OAuthServer.AUTHORIZE_PATH, JwksEndpoint.PATH, DiscoveryEndpoint.OAUTH_PATH,
            "/__brownout/behaviour", "/__brownout/ledger", "/", "/token/", "/%2e%2e/token", "/nowhere"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"};
    private static final String[] GRANTS = {
            "client_credentials", "refresh_token", "authorization_code", "password", "implicit", "",
            "urn:ietf:params:oauth:grant-type:jwt-bearer", "CLIENT_CREDENTIALS", "client_credentials\u0000", "%", "%zz"};
    private static final String[] PARAMETERS = {
            "grant_type", "client_id", "client_secret", "scope", "refresh_token", "code", "code_verifier",
            "redirect_uri", "token", "token_type_hint", "response_type", "code_challenge", "code_challenge_method", "state"};
    private static final String[] CONTENT_TYPES = {
            "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
            "APPLICATION/X-WWW-FORM-URLENCODED", "application/json", "text/plain", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded; charset=ISO-8859-1", "garbage", ";;;", ""};

    private TestWorld world;
    private String secret;

    @BeforeEach
    void start() {
        world = TestWorld.start();
        secret = world.agent().clientSecret();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void thousandsOfMalformedRequestsGetNoServerErrorNoHangAndLeaveTheServerHealthy() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        List<Future<?>> sent = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < REQUESTS; i++) {
                int index = i;
                sent.add(senders.submit(() -> {
                    String what = send(client, index, statuses);
                    if (what != null) {
                        serverErrors.add(what);
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }

        assertThat(serverErrors).as("requests answered 5xx, or not answered within %s", PER_REQUEST_LIMIT).isEmpty();
        assertThat(statuses.keySet()).as("statuses seen: %s", statuses).contains(400, 401, 404, 405);
        assertThat(world.server.ledger().all()).as("ledger entries with a 5xx").noneMatch(entry -> entry.status() >= 500);
        assertThat(world.get("/__brownout/health").statusCode()).as("health afterwards").isEqualTo(200);
        assertThat(world.clientCredentials(world.agent()).indicatesSuccess()).as("tokens afterwards").isTrue();
        assertThat(world.server.behaviour().current()).as("no malformed PUT changed the behaviour")
                .isEqualTo(OAuthBehaviour.healthy());
    }

    @Test
    void oversizedBodiesAre413InTheOAuthShape() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] huge = new byte[(int) dev.brownout.fakes.internal.http.FakeHttpServer.MAX_REQUEST_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        HttpRequest.BodyPublisher withLength = HttpRequest.BodyPublishers.ofByteArray(huge);
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge));

        for (var request : Map.of(OAuthServer.TOKEN_PATH, withLength, OAuthServer.INTROSPECT_PATH, chunked).entrySet()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(world.server.issuer() + request.getKey()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(request.getValue()).timeout(PER_REQUEST_LIMIT).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("oversized body at %s: %s", request.getKey(), response.body()).isEqualTo(413);
            assertThat(response.body()).as("body shape at %s", request.getKey()).contains("\"error\":\"invalid_request\"");
        }
        assertThat(world.clientCredentials(world.agent()).indicatesSuccess()).as("tokens afterwards").isTrue();
    }

    @Test
    void requestJettyRefusesBeforeRoutingIsAnsweredInTheOAuthShapeAndClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", world.server.port())) {
            socket.setSoTimeout((int) PER_REQUEST_LIMIT.toMillis());
            socket.getOutputStream().write("GET /%2e%2e/token HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(response).as("status line").startsWith("HTTP/1.1 400 ");
            assertThat(response.toLowerCase(java.util.Locale.ROOT)).as("closing announced").contains("connection: close");
            assertThat(response).as("body shape").contains("\"error\":\"invalid_request\"");
        }
    }

    /** Sends request {@code index}; returns a description when it got a 5xx or no answer, else {@code null}. */
    private String send(HttpClient client, int index, Map<Integer, AtomicInteger> statuses) {
        Random random = new Random(TestWorld.SEED * 1_000_003L + index);
        if (index % 10 == 9) {
            return sendRaw(random, index, statuses);
        }
        String method = random.nextInt(4) == 0 ? pick(random, METHODS) : (random.nextBoolean() ? "POST" : "GET");
        String path = pick(random, PATHS) + (random.nextInt(5) == 0 ? "?" + formBody(random) : "");
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(world.server.issuer() + path));
        } catch (IllegalArgumentException notAUri) {
            request = HttpRequest.newBuilder(URI.create(world.server.issuer() + OAuthServer.AUTHORIZE_PATH));
        }
        request.timeout(PER_REQUEST_LIMIT);
        byte[] body = random.nextInt(6) == 0 ? garbage(random, random.nextInt(2_000)) : formBody(random).getBytes(StandardCharsets.UTF_8);
        String contentType = pick(random, CONTENT_TYPES);
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        for (String header : authorizationHeaders(random)) {
            request.header("Authorization", header);
        }
        boolean hasBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS") && !method.equals("TRACE");
        request.method(method, hasBody ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
        String description = "#" + index + " " + method + " " + path;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            return response.statusCode() >= 500 ? description + " -> " + response.statusCode() + " " + response.body() : null;
        } catch (java.net.http.HttpTimeoutException e) {
            return description + " -> no answer";
        } catch (IOException e) {
            return description + " -> " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return description + " -> interrupted";
        }
    }

    /** Broken HTTP on a socket: the server may refuse with a 4xx or close, never answer 5xx or hang. */
    private String sendRaw(Random random, int index, Map<Integer, AtomicInteger> statuses) {
        byte[] request = switch (random.nextInt(5)) {
            case 0 -> garbage(random, 1 + random.nextInt(500));
            case 1 -> ("POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: " + (random.nextBoolean() ? "-5" : "abc")
                    + "\r\n\r\ngrant_type=client_credentials").getBytes(StandardCharsets.ISO_8859_1);
            case 2 -> ("POST /token HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            case 3 -> ("GET /token HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000 + random.nextInt(20_000))
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            default -> ("POST /token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: "
                    + "application/x-www-form-urlencoded\r\n\r\nzz\r\n" + formBody(random) + "\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
        };
        String description = "#" + index + " raw " + new String(request, 0, Math.min(40, request.length), StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket("127.0.0.1", world.server.port())) {
            socket.setSoTimeout((int) PER_REQUEST_LIMIT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                return null;
            }
            String statusLine = firstLine(socket.getInputStream());
            if (statusLine.startsWith("HTTP/1.1 ")) {
                int status = Integer.parseInt(statusLine.substring(9, 12));
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                return status >= 500 ? description + " -> " + statusLine : null;
            }
            return null;
        } catch (SocketTimeoutException e) {
            return description + " -> no answer";
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n' && line.size() < 200) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }

    private String formBody(Random random) {
        StringBuilder body = new StringBuilder();
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            if (!body.isEmpty() || random.nextInt(8) == 0) {
                body.append(random.nextInt(10) == 0 ? "&&" : "&");
            }
            String name = random.nextInt(12) == 0 ? garbageText(random) : pick(random, PARAMETERS);
            body.append(name);
            if (random.nextInt(10) != 0) {
                body.append('=').append(value(random, name));
            }
            if (random.nextInt(8) == 0) {
                body.append('&').append(name).append('=').append(value(random, name));
            }
        }
        return body.toString();
    }

    private String value(Random random, String name) {
        return switch (random.nextInt(6)) {
            case 0 -> garbageText(random);
            case 1 -> "";
            case 2 -> "%" + (char) ('a' + random.nextInt(26));
            default -> switch (name) {
                case "grant_type" -> pick(random, GRANTS);
                case "client_id" -> random.nextBoolean() ? "agent" : "nobody";
                case "client_secret" -> random.nextBoolean() ? secret : "wrong";
                case "refresh_token" -> random.nextBoolean() ? "bo_rt_unknown" : "x".repeat(random.nextInt(300));
                case "code_verifier" -> "v".repeat(random.nextInt(200));
                case "redirect_uri" -> random.nextBoolean() ? OAuthClientConfig.DEFAULT_REDIRECT_URI : "::not a uri::";
                case "code_challenge_method" -> random.nextBoolean() ? "plain" : "S256";
                default -> Integer.toString(random.nextInt());
            };
        };
    }

    private static List<String> authorizationHeaders(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> List.of("Basic");
            case 1 -> List.of("Basic !!!not-base64!!!");
            case 2 -> List.of("Basic " + Base64.getEncoder().encodeToString("no-colon-here".getBytes(StandardCharsets.UTF_8)));
            case 3 -> List.of("Bearer abc.def.ghi");
            case 4 -> List.of("Basic " + Base64.getEncoder().encodeToString(garbage(random, 40)));
            case 5 -> List.of("Basic " + Base64.getEncoder().encodeToString("agent:%zz".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + Base64.getEncoder().encodeToString("agent:x".getBytes(StandardCharsets.UTF_8)));
            default -> List.of();
        };
    }

    private static byte[] garbage(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String garbageText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5F) : random.nextInt(0x3000)));
        }
        return text.toString().replace("&", "").replace("=", "");
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
