package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed and tasks give the same answers and verdicts; another seed gives other verdicts. */
class DeterminismTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static List<String> answers(long seed, List<CanaryTask> tasks) throws Exception {
        try (FakeWorld world = TestWorlds.start(seed, ProviderConfig.of("openai", DialectKind.OPENAI, "small"))) {
            var provider = world.provider("openai");
            List<String> bodies = new ArrayList<>();
            for (CanaryTask task : tasks) {
                String prompt = task.prompt().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                        .header("Authorization", "Bearer " + provider.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"small\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                String body = response.body();
                bodies.add(body.substring(body.indexOf("\"choices\""), body.indexOf("\"usage\"")));
            }
            bodies.add(provider.ledger().all().stream().map(ProviderCall::correct).toList().toString());
            return bodies;
        }
    }

    @Test
    void sameSeedSameAnswersAndVerdicts() throws Exception {
        List<CanaryTask> tasks = tasks();

        assertThat(answers(21, tasks)).as("two worlds with seed 21").isEqualTo(answers(21, tasks));
    }

    @Test
    void anotherSeedChangesSomeVerdicts() throws Exception {
        List<CanaryTask> tasks = tasks();

        assertThat(answers(22, tasks).getLast()).as("verdicts under seed 22 vs 21").isNotEqualTo(answers(21, tasks).getLast());
    }

    private static List<CanaryTask> tasks() {
        CanaryGenerator generator = new CanaryGenerator(1);
        List<CanaryTask> tasks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            tasks.add(generator.next(CanaryKind.values()[i % 3], 2));
        }
        return tasks;
    }
}
