package dev.brownout.internal.sut;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that answers its requests with a script of replies in turn (the last one again once the
 * script is used up) and keeps every request body: a gateway whose model does exactly what a test needs.
 */
final class ScriptedGateway implements AutoCloseable {

    /** One scripted answer. */
    record Reply(int status, String contentType, String body) {

        static Reply json(String body) {
            return new Reply(200, "application/json", body);
        }

        static Reply events(String body) {
            return new Reply(200, "text/event-stream", body);
        }
    }

    private final HttpServer server;
    private final List<Reply> script;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    ScriptedGateway(Reply... script) {
        this.script = List.of(script);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Reply reply;
            synchronized (bodies) {
                arrivals.add(System.nanoTime());
                bodies.add(body);
                reply = this.script.get(Math.min(bodies.size(), this.script.size()) - 1);
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** The request bodies received, in order. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** {@code System.nanoTime()} when each request's body had arrived, in order. */
    List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
