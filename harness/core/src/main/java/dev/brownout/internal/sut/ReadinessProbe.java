package dev.brownout.internal.sut;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Waits until a started SUT process is ready, it exits, or the timeout passes. On failure the process is
 * stopped and a {@link SutStartException} carries the last lines of its output.
 */
final class ReadinessProbe {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration ATTEMPT = Duration.ofSeconds(1);

    private final ReadinessCheck.Kind kind;
    private final String target;
    private final Duration timeout;
    private final HttpClient http;

    /** {@code target} already rendered. */
    ReadinessProbe(ReadinessCheck.Kind kind, String target, Duration timeout) {
        this.kind = kind;
        this.target = target;
        this.timeout = timeout;
        this.http = kind == ReadinessCheck.Kind.HTTP
                ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(ATTEMPT).build()
                : null;
    }

    /** A TCP check on the host and port of {@code url}. */
    static ReadinessProbe tcpOf(String url, Duration timeout) {
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new ReadinessProbe(ReadinessCheck.Kind.TCP, uri.getHost() + ":" + port, timeout);
    }

    void await(SutProcess process, String name) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pattern pattern = kind == ReadinessCheck.Kind.LOG_LINE ? Pattern.compile(target) : null;
        try {
            while (true) {
                if (ready(process, pattern)) {
                    return;
                }
                if (!process.process().isAlive()) {
                    throw fail(process, "SUT '" + name + "' exited with code " + process.process().exitValue()
                            + " before it was ready (" + describe() + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw fail(process, "SUT '" + name + "' was not ready within " + timeout + " (" + describe()
                            + "); it was stopped");
                }
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            process.close();
            Thread.currentThread().interrupt();
            throw new SutStartException("interrupted while waiting for SUT '" + name + "' to be ready; it was stopped", e);
        } finally {
            if (http != null) {
                http.close();
            }
        }
    }

    private SutStartException fail(SutProcess process, String message) {
        process.close();
        return new SutStartException(message + "\n" + process.tail());
    }

    private String describe() {
        return switch (kind) {
            case HTTP -> "waiting for GET " + target + " to answer 2xx";
            case TCP -> "waiting for " + target + " to accept a connection";
            case LOG_LINE -> "waiting for an output line matching /" + target + "/";
        };
    }

    private boolean ready(SutProcess process, Pattern pattern) throws InterruptedException {
        return switch (kind) {
            case HTTP -> httpReady();
            case TCP -> tcpReady();
            case LOG_LINE -> process.outputLines().stream().anyMatch(line -> pattern.matcher(line).find());
        };
    }

    private boolean httpReady() throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(target)).timeout(ATTEMPT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean tcpReady() {
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, Integer.parseInt(target.substring(colon + 1))), (int) ATTEMPT.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
