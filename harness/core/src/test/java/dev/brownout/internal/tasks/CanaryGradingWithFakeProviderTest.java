package dev.brownout.internal.tasks;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Canary tasks sent through the OpenAI SDK to a real fake provider: a model of capability 1 must score 1 on
 * every task, a model of capability 0 must score 0, so the grading agrees with the fakes' own verdicts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanaryGradingWithFakeProviderTest {

    private static final long SEED = 2026;
    private static final int TASKS_PER_SUITE = 9;
    private static final int DIFFICULTY = 3;

    private FakeWorld world;
    private FakeProvider provider;
    private OpenAIClient client;

    @BeforeAll
    void startTheFakeProvider() {
        world = FakeWorld.start(new WorldConfig(SEED, WorldConfig.LOOPBACK, resource("/tasks/canary-catalog.yaml").toString(),
                List.of(ProviderConfig.of("openai", DialectKind.OPENAI, "perfect", "hopeless"))));
        provider = world.provider("openai");
        client = OpenAIOkHttpClient.builder().baseUrl(provider.baseUrl()).apiKey(provider.apiKey()).maxRetries(0).build();
    }

    @AfterAll
    void stopIt() {
        client.close();
        world.close();
    }

    private String ask(String model, Task task) {
        return client.chat().completions().create(ChatCompletionCreateParams.builder()
                        .model(model).addUserMessage(task.prompt()).build())
                .choices().getFirst().message().content().orElse("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"canary-arithmetic", "canary-lookup", "canary-json", "canary-tool", "canary-mixed"})
    void thePerfectModelScoresOneOnEveryTask(String suite) {
        TaskSource tasks = TaskSources.of(suite, DIFFICULTY, SEED, null);
        for (long index = 0; index < TASKS_PER_SUITE; index++) {
            Task task = tasks.task(index);
            String reply = ask("perfect", task);

            assertThat(task.score(reply))
                    .as("perfect model, %s task %s (graded %s), replied:%n%s", suite, task.id(), task.grader().description(), reply)
                    .isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"canary-arithmetic", "canary-lookup", "canary-json", "canary-tool", "canary-mixed"})
    void theHopelessModelScoresZeroOnEveryTask(String suite) {
        TaskSource tasks = TaskSources.of(suite, DIFFICULTY, SEED, null);
        for (long index = 0; index < TASKS_PER_SUITE; index++) {
            Task task = tasks.task(index);
            String reply = ask("hopeless", task);

            assertThat(task.score(reply))
                    .as("hopeless model, %s task %s (graded %s), replied:%n%s", suite, task.id(), task.grader().description(), reply)
                    .isEqualTo(0.0);
        }
    }

    @Test
    void theLedgerRecordsEachCanaryByTaskIdWithTheVerdictTheGraderAgreesWith() {
        Task task = TaskSources.of("canary-mixed", DIFFICULTY, SEED + 1, null).task(4);

        double perfect = task.score(ask("perfect", task));
        double hopeless = task.score(ask("hopeless", task));

        List<ProviderCall> calls = provider.ledger().all().stream().filter(call -> task.id().equals(call.taskId())).toList();
        assertThat(calls).as("ledger entries for task %s", task.id()).hasSize(2);
        assertThat(calls).extracting(ProviderCall::servedModel, ProviderCall::correct)
                .as("served model and the fake's verdict, per call")
                .containsExactly(tuple("perfect", perfect == 1.0),
                        tuple("hopeless", hopeless == 1.0));
    }

    @Test
    void aUserTaskJoinsTheLedgerByItsIdAndTheFakesFillerScoresZero() {
        TaskSource file = TaskSources.of("support-questions.jsonl", 1, SEED, resource("/tasks/support-questions.jsonl").getParent());
        Task task = file.task(0);

        String reply = ask("perfect", task);

        assertThat(provider.ledger().all()).extracting(ProviderCall::taskId).as("task ids in the ledger").contains("refund-window");
        assertThat(task.score(reply)).as("filler reply graded %s:%n%s", task.grader().description(), reply).isEqualTo(0.0);
    }

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(CanaryGradingWithFakeProviderTest.class.getResource(name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
