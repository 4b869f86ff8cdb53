package dev.brownout.fakes.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static dev.brownout.fakes.admin.AdminClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin API under {@code /__brownout/}, over real HTTP, as a remote harness drives it. */
class AdminApiTest {

    static FakeWorld world;
    static AdminClient client;
    static FakeProvider openai;
    static FakeProvider anthropic;

    @BeforeAll
    static void startWorld() {
        world = FakeWorld.start(TestWorlds.openAiAndAnthropic(21));
        client = new AdminClient();
        openai = world.provider("openai");
        anthropic = world.provider("anthropic");
    }

    @AfterEach
    void healBoth() {
        client.putBehaviour(openai, "{}");
        client.putBehaviour(anthropic, "{}");
    }

    @AfterAll
    static void stopWorld() {
        client.close();
        world.close();
    }

    @Test
    void putBehaviourAnswersWithTheInstalledBehaviourAndItsDefaultsFilledIn() {
        HttpResponse<String> put = client.putBehaviour(openai,
                "{\"faults\":[{\"type\":\"error\",\"status\":503,\"retry_after\":\"2s\"}]}");

        assertThat(put.statusCode()).as("PUT behaviour status: %s", put.body()).isEqualTo(200);
        JsonNode installed = json(put);
        JsonNode fault = installed.path("faults").path(0);
        assertThat(fault.path("type").asText()).as("fault type in %s", put.body()).isEqualTo("error");
        assertThat(fault.path("status").asInt()).as("status in %s", put.body()).isEqualTo(503);
        assertThat(fault.path("retry_after").asText()).as("retry_after in %s", put.body()).isEqualTo("2s");
        assertThat(fault.path("probability").asDouble()).as("default probability in %s", put.body()).isEqualTo(1.0);
        assertThat(fault.path("models").isArray() && fault.path("models").isEmpty())
                .as("default models (all) in %s", put.body()).isTrue();
        assertThat(installed.path("rate_limit").path("requests_per_minute").asInt())
                .as("default requests_per_minute in %s", put.body()).isEqualTo(10_000);
        assertThat(installed.path("rate_limit").path("tokens_per_minute").asInt())
                .as("default tokens_per_minute in %s", put.body()).isEqualTo(30_000_000);
    }

    @Test
    void getBehaviourReturnsExactlyWhatPutInstalled() {
        JsonNode installed = json(client.putBehaviour(anthropic, "{\"faults\":[{\"type\":\"latency\","
                + "\"extra_ttft\":\"1ms\",\"probability\":0.25,\"models\":[\"small\"]}],"
                + "\"rate_limit\":{\"requests_per_minute\":600}}"));

        assertThat(client.behaviour(anthropic)).as("GET behaviour after PUT").isEqualTo(installed);
    }

    @Test
    void errorFaultAnswersTheNextOpenAiRequestWith503InOpenAisErrorShape() {
        client.putBehaviour(openai, "{\"faults\":[{\"type\":\"error\",\"status\":503,\"probability\":1}]}");

        HttpResponse<String> answer = client.complete(openai, "mid");

        assertThat(answer.statusCode()).as("status after installing error 503: %s", answer.body()).isEqualTo(503);
        JsonNode error = json(answer).path("error");
        assertThat(error.path("type").asText()).as("OpenAI error type in %s", answer.body()).isEqualTo("server_error");
        assertThat(error.path("message").asText()).as("OpenAI error message in %s", answer.body()).isNotBlank();
        assertThat(error.has("param") && error.has("code")).as("OpenAI param and code in %s", answer.body()).isTrue();
    }

    @Test
    void errorFaultAnswersTheNextAnthropicRequestWith529OverloadedError() {
        client.putBehaviour(anthropic, "{\"faults\":[{\"type\":\"error\",\"status\":529,\"probability\":1}]}");

        HttpResponse<String> answer = client.complete(anthropic, "mid");

        assertThat(answer.statusCode()).as("status after installing error 529: %s", answer.body()).isEqualTo(529);
        JsonNode body = json(answer);
        assertThat(body.path("type").asText()).as("Anthropic body type in %s", answer.body()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).as("Anthropic error type in %s", answer.body())
                .isEqualTo("overloaded_error");
        assertThat(body.path("request_id").asText()).as("request_id in the body of %s", answer.body())
                .isEqualTo(answer.headers().firstValue("request-id").orElse("(no request-id header)"));
    }

    @Test
    void emptyBehaviourMakesAFailingProviderHealthyOnTheNextRequest() {
        client.putBehaviour(openai, "{\"faults\":[{\"type\":\"error\",\"status\":503}]}");
        assertThat(client.complete(openai, "mid").statusCode()).as("status while error 503 is installed")
                .isEqualTo(503);

        client.putBehaviour(openai, "{}");
        HttpResponse<String> answer = client.complete(openai, "mid");

        assertThat(answer.statusCode()).as("status right after installing {}: %s", answer.body()).isEqualTo(200);
        assertThat(json(answer).path("choices").path(0).path("message").path("content").asText())
                .as("answer text after healing").isNotBlank();
    }

    @Test
    void faultScopedToOneModelHitsThatModelAndSparesTheOthers() {
        client.putBehaviour(anthropic, "{\"faults\":[{\"type\":\"error\",\"status\":503,\"models\":[\"small\"]}]}");

        assertThat(client.complete(anthropic, "small").statusCode()).as("status for small, which the fault names")
                .isEqualTo(503);
        assertThat(client.complete(anthropic, "mid").statusCode()).as("status for mid, which the fault does not name")
                .isEqualTo(200);
    }

    @Test
    void ledgerSinceACursorListsOnlyLaterCallsAndANextCursorThatRepeatsNothing() {
        long cursor = json(client.get(openai.adminUrl() + "/ledger?since=0")).path("next").asLong();
        for (int i = 0; i < 3; i++) {
            client.complete(openai, "mid");
        }

        JsonNode page = json(client.get(openai.adminUrl() + "/ledger?since=" + cursor));
        List<Long> seqs = seqs(page);
        assertThat(seqs).as("ledger entries after cursor %d: %s", cursor, page)
                .containsExactlyElementsOf(LongStream.rangeClosed(cursor + 1, cursor + 3).boxed().toList());
        assertThat(page.path("entries").path(0).path("model").asText()).as("model of a ledger entry").isEqualTo("mid");
        assertThat(page.path("entries").path(0).path("status").asInt()).as("status of a ledger entry").isEqualTo(200);
        assertThat(page.path("next").asLong()).as("next cursor of %s", page).isEqualTo(cursor + 3);

        JsonNode after = json(client.get(openai.adminUrl() + "/ledger?since=" + page.path("next").asLong()));
        assertThat(seqs(after)).as("entries after the next cursor, with no new calls").isEmpty();
        assertThat(after.path("next").asLong()).as("next cursor of an empty page").isEqualTo(cursor + 3);
    }

    @Test
    void ledgerLimitPagesThroughEveryCallOnceInOrder() {
        long cursor = json(client.get(anthropic.adminUrl() + "/ledger?since=0")).path("next").asLong();
        for (int i = 0; i < 5; i++) {
            client.complete(anthropic, "small");
        }

        List<Long> seen = new ArrayList<>();
        long since = cursor;
        for (int page = 0; page < 10; page++) {
            JsonNode body = json(client.get(anthropic.adminUrl() + "/ledger?limit=2&since=" + since));
            List<Long> seqs = seqs(body);
            assertThat(seqs.size()).as("entries on a page with limit=2: %s", body).isLessThanOrEqualTo(2);
            if (seqs.isEmpty()) {
                break;
            }
            seen.addAll(seqs);
            since = body.path("next").asLong();
        }

        assertThat(seen).as("every call after cursor %d, paged two at a time", cursor)
                .containsExactlyElementsOf(LongStream.rangeClosed(cursor + 1, cursor + 5).boxed().toList());
    }

    @Test
    void healthSaysOkWithTheProvidersNameAndKind() {
        HttpResponse<String> health = client.get(anthropic.adminUrl() + "/health");

        assertThat(health.statusCode()).as("health status").isEqualTo(200);
        JsonNode body = json(health);
        assertThat(body.path("status").asText()).as("health body %s", health.body()).isEqualTo("ok");
        assertThat(body.path("name").asText()).as("health body %s", health.body()).isEqualTo("anthropic");
        assertThat(body.path("kind").asText()).as("health body %s", health.body()).isEqualTo("provider");
    }

    @Test
    void metricsCountRequestsByProviderModelAndStatusAndCountTokens() {
        client.complete(openai, "small");
        client.complete(openai, "small");
        client.putBehaviour(openai, "{\"faults\":[{\"type\":\"error\",\"status\":503}]}");
        client.complete(openai, "small");

        HttpResponse<String> metrics = client.get(openai.adminUrl() + "/metrics");

        assertThat(metrics.statusCode()).as("metrics status").isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type").orElse("")).as("metrics content type")
                .startsWith("text/plain");
        String text = metrics.body();
        assertThat(sample(text, "brownout_provider_requests_total", "provider=\"openai\"", "model=\"small\"",
                "status=\"200\"")).as("requests_total for openai/small/200 in:%n%s", text).isGreaterThanOrEqualTo(2);
        assertThat(sample(text, "brownout_provider_requests_total", "provider=\"openai\"", "model=\"small\"",
                "status=\"503\"")).as("requests_total for openai/small/503 in:%n%s", text).isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "brownout_provider_tokens_total", "model=\"small\"", "direction=\"input\""))
                .as("input tokens for small in:%n%s", text).isPositive();
        assertThat(sample(text, "brownout_provider_tokens_total", "model=\"small\"", "direction=\"output\""))
                .as("output tokens for small in:%n%s", text).isPositive();
    }

    /** The value of the one sample of {@code metric} whose labels include all of {@code labels}, or -1. */
    private static double sample(String exposition, String metric, String... labels) {
        return exposition.lines()
                .filter(line -> line.startsWith(metric + "{"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> seqs = new ArrayList<>();
        page.path("entries").forEach(entry -> seqs.add(entry.path("seq").asLong()));
        return seqs;
    }
}
