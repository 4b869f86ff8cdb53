package dev.brownout.internal.run;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A gateway stand-in on a raw loopback socket: it relays a streamed {@code POST /v1/chat/completions} to one
 * OpenAI upstream line by line, and when the upstream stream ends or breaks without {@code data: [DONE]} it
 * does to its own caller what its {@link OnBrokenUpstream} says — the ways real gateways differ. Written on a
 * socket rather than an HTTP server so that it can end its chunked body wrongly on purpose.
 */
final class RelayGateway implements AutoCloseable {

    /** What the stand-in does to its caller when the upstream stream did not end with {@code [DONE]}. */
    enum OnBrokenUpstream {
        /** Ends its own body properly (the zero-length chunk), with no error: a 200 that simply ends. */
        END_CLEANLY,
        /** Closes the connection without the zero-length chunk (FIN). */
        ABORT,
        /** Resets the connection (RST). */
        RESET,
        /** Sends an OpenAI error event, then ends its body properly. */
        ERROR_EVENT
    }

    private final OnBrokenUpstream policy;
    private final ServerSocket server;
    private final HttpClient upstreamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Thread acceptor;
    private volatile URI upstream;
    private volatile String upstreamKey;

    RelayGateway(OnBrokenUpstream policy) {
        this.policy = policy;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = Thread.ofPlatform().daemon().name("relay-gateway").start(this::accept);
    }

    /** Points the stand-in at an upstream's base URL (e.g. {@code http://127.0.0.1:PORT/v1}) and key. */
    RelayGateway upstream(String baseUrl, String apiKey) {
        upstream = URI.create(baseUrl + "/chat/completions");
        upstreamKey = apiKey;
        return this;
    }

    /** What an OpenAI SDK takes to reach the stand-in. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String body = readRequestBody(in);
            HttpRequest request = HttpRequest.newBuilder(upstream).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + upstreamKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<Stream<String>> response = upstreamClient.send(request, HttpResponse.BodyHandlers.ofLines());
            OutputStream out = socket.getOutputStream();
            if (response.statusCode() != 200) {
                String error = String.join("\n", response.body().toList());
                byte[] bytes = error.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + response.statusCode() + " Upstream Error\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                return;
            }
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            boolean done = relay(response, out);
            if (done || policy == OnBrokenUpstream.END_CLEANLY) {
                endBody(out);
            } else if (policy == OnBrokenUpstream.ERROR_EVENT) {
                chunk(out, "data: {\"error\":{\"message\":\"the upstream stream broke\",\"type\":\"server_error\","
                        + "\"param\":null,\"code\":null}}\n\n");
                endBody(out);
            } else if (policy == OnBrokenUpstream.RESET) {
                socket.setSoLinger(true, 0);
            }
            // ABORT and RESET: the socket closes here without the zero-length chunk
        } catch (IOException | InterruptedException | UncheckedIOException e) {
            // the caller went away or the request was unreadable: nothing more to relay
        }
    }

    /** Relays the upstream's lines until its body ends or breaks; true when {@code [DONE]} came through. */
    private static boolean relay(HttpResponse<Stream<String>> response, OutputStream out) throws IOException {
        boolean done = false;
        try (Stream<String> lines = response.body()) {
            Iterator<String> iterator = lines.iterator();
            while (iterator.hasNext()) {
                String line = iterator.next();
                done |= line.equals("data: [DONE]");
                chunk(out, line + "\n");
            }
        } catch (UncheckedIOException broken) {
            return false;
        }
        return done;
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void endBody(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads the request head and returns its body (by Content-Length, as the adapters send it). */
    private static String readRequestBody(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended inside its head");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
        upstreamClient.close();
    }
}
