package dev.brownout.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.canary.CanaryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** No answer at all scores 0, whichever grader a task has. */
class NoAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private final Grader[] graders = {
            Graders.exact("x", true), Graders.regex(".*"), Graders.numeric("0", d("1000"), null),
            Graders.contains(" ", true), Graders.jsonSchema(json("true")), Graders.jsonEquals("{}"),
            Graders.answerLine(Graders.regex(".*")), Graders.canary(CanaryKind.LOOKUP, "")};

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\n\t "})
    void aNullOrBlankAnswerScoresZeroWithEveryGrader(String answer) {
        for (Grader grader : graders) {
            assertThat(grader.score(answer)).as("%s on answer [%s]", grader.description(), answer).isEqualTo(0.0);
        }
    }
}
