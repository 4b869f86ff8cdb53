package dev.brownout.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A minimal CLI agent for the {@code command} adapter's tests: the prompt on stdin, one Chat Completions call
 * to the provider the world's environment names ({@code BROWNOUT_PRIMARY_*}), the answer on stdout; any
 * failure is a message on stderr and exit status 1, as a real agent would fail.
 */
public final class CanaryAgent {

    private CanaryAgent() {
    }

    public static void main(String[] args) throws Exception {
        String prompt = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        ObjectNode request = json.createObjectNode().put("model", args.length > 0 ? args[0] : "mid");
        request.putArray("messages").addObject().put("role", "user").put("content", prompt);
        HttpRequest call = HttpRequest.newBuilder(URI.create(System.getenv("BROWNOUT_PRIMARY_BASE_URL") + "/chat/completions"))
                .header("Authorization", "Bearer " + System.getenv("BROWNOUT_PRIMARY_API_KEY"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(call, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("provider answered " + response.statusCode());
                System.exit(1);
            }
            JsonNode answer = json.readTree(response.body());
            System.out.print(answer.path("choices").path(0).path("message").path("content").asText());
        } catch (IOException e) {
            System.err.println("provider unreachable: " + e.getMessage());
            System.exit(1);
        }
    }
}
