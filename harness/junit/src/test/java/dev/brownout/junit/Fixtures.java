package dev.brownout.junit;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.brownout.WorldProvider;

/**
 * Runs fixture test classes (static nested classes of the tests, so that surefire never runs them itself) through
 * the JUnit Platform launcher with EngineTestKit, and what the tests need to look at a world from outside.
 */
final class Fixtures {

    static final String TWO_PROVIDERS = "classpath:/scenarios/two-providers.yaml";
    static final String ONE_PROVIDER = "classpath:/scenarios/one-provider.yaml";

    private Fixtures() {
    }

    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .configurationParameters(parameters)
                .execute();
    }

    /** Every failed test and container, as "name: exception", for an assertion message a stranger can read. */
    static List<String> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getTestDescriptor().getDisplayName() + ": " + thrown(event).map(Throwable::toString).orElse("?"))
                .toList();
    }

    /** What the first failed test or container threw. */
    static Throwable firstFailure(EngineExecutionResults results) {
        return results.allEvents().failed().stream().map(Fixtures::thrown).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new AssertionError("nothing failed"));
    }

    static Optional<Throwable> thrown(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
    }

    static long succeeded(EngineExecutionResults results) {
        return results.testEvents().succeeded().count();
    }

    /**
     * Whether the provider's fault proxy answers an HTTP request (the fake's health check, which no ledger records) with anything at all: false when nothing listens,
     * and while it is down, since a downed proxy keeps its port but resets every connection at once.
     */
    static boolean serves(String baseUrl) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /__brownout/health HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return socket.getInputStream().read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the provider's fault proxy takes a TCP connection. */
    static boolean accepts(String baseUrl) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One non-streamed chat completion sent to an OpenAI-dialect provider; its HTTP status. */
    static int chat(WorldProvider provider) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("authorization", "Bearer " + provider.apiKey())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + provider.models().getFirst()
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int port(String baseUrl) {
        return URI.create(baseUrl).getPort();
    }
}
