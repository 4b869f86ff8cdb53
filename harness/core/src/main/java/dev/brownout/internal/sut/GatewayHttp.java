package dev.brownout.internal.sut;

import dev.brownout.sut.SutReply;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/** What the HTTP adapters share: their client, and how a non-2xx answer becomes a reply. */
final class GatewayHttp {

    private GatewayHttp() {
    }

    /** HTTP/1.1, as gateways serve server-sent events; the task's own timeout bounds each request. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static boolean succeeded(HttpResponse<?> response) {
        return response.statusCode() / 100 == 2;
    }

    /** A refused streaming request: its status, and its body as the answer for the exchange log. */
    static SutReply refusal(HttpResponse<Stream<String>> response) {
        try (Stream<String> lines = response.body()) {
            return new SutReply(response.statusCode(), String.join("\n", lines.toList()), null, System.nanoTime());
        }
    }
}
