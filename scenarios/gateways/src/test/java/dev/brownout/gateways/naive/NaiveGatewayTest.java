package dev.brownout.gateways.naive;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.models.Model;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.gateways.RunningGateway;
import dev.brownout.gateways.TestWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The naive gateway against a real fake world: it forwards to the primary once and passes errors through. */
class NaiveGatewayTest {

    private TestWorld world;
    private RunningGateway gateway;
    private OpenAIClient sdk;

    @BeforeEach
    void start() {
        world = TestWorld.start(11);
        gateway = NaiveGateway.start(world.primaryThenBackup());
        sdk = TestWorld.sdkFor(gateway);
    }

    @AfterEach
    void stop() {
        sdk.close();
        gateway.close();
        world.close();
    }

    @Test
    void healthyCallIsAnsweredByThePrimaryWithItsModel() {
        CanaryTask task = new CanaryGenerator(1).next(CanaryKind.ARITHMETIC, 2);

        ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask(task.prompt()).build());

        assertThat(completion.model()).as("the model that served").isEqualTo(TestWorld.PRIMARY_MODEL);
        assertThat(Canaries.answerIn(completion.choices().getFirst().message().content().orElseThrow()))
                .as("the primary's answer").contains(task.expected());
        assertThat(world.primary().ledger().all()).as("primary's ledger").hasSize(1);
    }

    @Test
    void primaryErrorIsPassedThroughWithoutFailover() {
        world.primary().behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));

        OpenAIServiceException error = catchThrowableOfType(OpenAIServiceException.class,
                () -> sdk.chat().completions().create(TestWorld.ask("hello").build()));

        assertThat(error).as("the SDK's error").isNotNull();
        assertThat(error.statusCode()).as("status the caller sees").isEqualTo(503);
        assertThat(world.primary().ledger().all()).as("attempts on the primary").hasSize(1);
        assertThat(world.backup().ledger().all()).as("the backup is never asked").isEmpty();
    }

    @Test
    void streamIsRelayedWholeToTheSdkAccumulator() {
        CanaryTask task = new CanaryGenerator(2).next(CanaryKind.LOOKUP, 2);
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        try (StreamResponse<ChatCompletionChunk> stream =
                     sdk.chat().completions().createStreaming(TestWorld.ask(task.prompt()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletion completion = accumulator.chatCompletion();
        assertThat(Canaries.answerIn(completion.choices().getFirst().message().content().orElseThrow()))
                .as("the streamed answer, accumulated").contains(task.expected());
        assertThat(completion.choices().getFirst().finishReason()).as("finish reason")
                .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    }

    @Test
    void modelsListsThePrimarysModel() {
        assertThat(sdk.models().list().data()).extracting(Model::id).as("listed models")
                .contains(TestWorld.PRIMARY_MODEL);
    }
}
