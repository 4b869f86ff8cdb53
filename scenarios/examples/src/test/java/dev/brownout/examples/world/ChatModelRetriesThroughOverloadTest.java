package dev.brownout.examples.world;

import dev.brownout.WorldProvider;
import dev.brownout.junit.InPhase;
import dev.brownout.junit.ProviderName;
import dev.brownout.junit.WithBrownoutWorld;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import org.junit.jupiter.api.Test;

import static dev.brownout.assertj.BrownoutAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * World style: the test drives a real client library — LangChain4j's Anthropic chat model, with its own retry
 * loop — against a provider that answers half of its requests with 529 overloaded, and judges the client's
 * conduct from the provider's ledger.
 */
// README: junit-world
@WithBrownoutWorld(scenario = "classpath:/overloaded-primary.yaml")
class ChatModelRetriesThroughOverloadTest {

    @Test
    @InPhase("overloaded")                                   // half of the primary's answers are 529 overloaded
    void theChatModelRetriesThroughOverloadAndEveryTaskIsAnswered(@ProviderName("primary") WorldProvider primary) {
        ChatModel model = AnthropicChatModel.builder()
                .baseUrl(primary.baseUrl() + "/v1/").apiKey(primary.apiKey())
                .modelName("frontier").maxTokens(48).maxRetries(4)
                .build();

        for (int task = 1; task <= 4; task++) {               // a task header joins each call to the ledger
            String answer = model.chat("[brownout-task id=overload-" + task + " kind=arithmetic difficulty=1]\n"
                    + "What is 17 + 25?\nFinish with one final line: ANSWER: <your answer>");
            assertThat(answer).as("task %d answered through the overload", task).contains("ANSWER:");
        }

        assertThat(primary.ledger())                         // every call the primary saw in this test
                .hasAtMostAttemptsPerTask(5)                 // 1 try + LangChain4j's 4 retries, never more
                .honouredRetryAfter();
        long overloaded = primary.ledger().stream().filter(call -> call.status() == 529).count();
        assertThat(overloaded).as("529s the primary sent, each one retried").isPositive();
    }
}
// README end
