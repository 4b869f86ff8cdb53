package dev.brownout.fakes.internal.openai;

import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.FinishReason;
import dev.brownout.fakes.internal.exchange.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The body written without a tree is byte for byte the body the JSON tree writes, whatever the reply holds. */
class ChatCompletionBodyTest {

    private static Reply reply(String text, FinishReason finish, int choices) {
        List<ChoicePlan> plans = new java.util.ArrayList<>();
        for (int i = 0; i < choices; i++) {
            plans.add(new ChoicePlan(i, List.of(text, " and more"), null, finish, null));
        }
        return new Reply("chatcmpl-" + text.length(), 1_796_346_368L, "gpt-\"4o\"-" + text.length(), plans,
                123_456, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "", "quote \" backslash \\ slash /", "new\nline\ttab\r", "control \u0001\u001f",
            "non-ASCII é ß 漢字 😀", "separators \u2028\u2029", "\u0000"})
    void aOneChoiceBodyEqualsTheTreeBuiltBody(String text) {
        for (FinishReason finish : List.of(FinishReason.STOP, FinishReason.LENGTH)) {
            Reply reply = reply(text, finish, 1);

            assertThat(new String(ChatCompletionBody.bytes(reply), StandardCharsets.UTF_8))
                    .as("the one-choice body for %s, finish %s", text, finish)
                    .isEqualTo(ChatCompletionBody.of(reply).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "quote \" and 漢字"})
    void aBodyOfSeveralChoicesEqualsTheTreeBuiltBody(String text) {
        Reply reply = reply(text, FinishReason.STOP, 3);

        assertThat(new String(ChatCompletionBody.bytes(reply), StandardCharsets.UTF_8))
                .as("the three-choice body for %s", text)
                .isEqualTo(ChatCompletionBody.of(reply).toString());
    }
}
