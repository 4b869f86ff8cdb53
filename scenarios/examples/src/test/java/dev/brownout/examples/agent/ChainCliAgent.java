package dev.brownout.examples.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.canary.ToolChains;
import dev.brownout.fakes.canary.ToolDefinition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A command-line agent as the {@code command} adapter runs it, one process per task: the task on standard input,
 * the final answer on standard output, a failure as a non-zero exit. It speaks OpenAI Chat Completions to
 * {@code --base-url} with the key in {@code MY_AGENT_API_KEY}, offers the multi-step tasks' tools, runs each tool
 * call the model makes with their one implementation ({@link ToolChains}, which an agent in another language reaches
 * at a fake's tool endpoint, {@code POST /__brownout/v1/tools/<tool>}) and sends the result back, until the model
 * answers in text. A model call that fails is retried at the same step twice, 100 ms apart, before the agent gives
 * the task up.
 *
 * <pre>java -cp CLASSPATH dev.brownout.examples.agent.ChainCliAgent --base-url URL [--model MODEL] &lt; task.txt</pre>
 */
public final class ChainCliAgent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MODEL_CALLS = 12;
    private static final int RETRIES = 2;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI completions;
    private final String key;
    private final String model;

    private ChainCliAgent(String baseUrl, String key, String model) {
        this.completions = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.key = key;
        this.model = model;
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = null;
        String model = "frontier";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--base-url" -> baseUrl = args[i + 1];
                case "--model" -> model = args[i + 1];
                default -> usage("unknown option " + args[i]);
            }
        }
        String key = System.getenv("MY_AGENT_API_KEY");
        if (baseUrl == null || key == null) {
            usage("needs --base-url, and MY_AGENT_API_KEY in the environment");
        }
        String task = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        try {
            System.out.println(new ChainCliAgent(baseUrl, key, model).answer(task));
        } catch (IOException e) {
            System.err.println("chain-agent: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("chain-agent: " + problem + "\nusage: chain-agent --base-url URL [--model MODEL] < task");
        System.exit(2);
    }

    private String answer(String task) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("model", model);
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "user").put("content", task);
        ArrayNode offered = request.putArray("tools");
        for (ToolDefinition tool : ToolChains.tools()) {
            ObjectNode function = offered.addObject().put("type", "function").putObject("function")
                    .put("name", tool.name()).put("description", tool.description());
            function.set("parameters", JSON.readTree(tool.parametersSchema()));
        }
        for (int call = 0; call < MAX_MODEL_CALLS; call++) {
            JsonNode message = modelCall(request).path("choices").path(0).path("message");
            JsonNode toolCalls = message.path("tool_calls");
            if (!toolCalls.isArray() || toolCalls.isEmpty()) {
                return message.path("content").asText("");
            }
            messages.add(message);
            for (JsonNode toolCall : toolCalls) {
                JsonNode function = toolCall.path("function");
                messages.addObject().put("role", "tool").put("tool_call_id", toolCall.path("id").asText())
                        .put("content", ToolChains.result(function.path("name").asText(),
                                function.path("arguments").asText()));
            }
        }
        throw new IOException("the model was still calling tools after " + MAX_MODEL_CALLS + " calls");
    }

    /** One model call, retried at the same step: the conversation so far, sent again. */
    private JsonNode modelCall(ObjectNode request) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(request);
        IOException last = null;
        for (int attempt = 0; attempt <= RETRIES; attempt++) {
            if (attempt > 0) {
                Thread.sleep(100);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(completions)
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body());
            }
            last = new IOException("the model call failed with " + response.statusCode() + ": " + response.body());
        }
        throw last;
    }
}
