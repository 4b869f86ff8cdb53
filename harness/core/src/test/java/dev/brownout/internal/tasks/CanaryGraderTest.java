package dev.brownout.internal.tasks;

import dev.brownout.fakes.canary.CanaryKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanaryGraderTest {

    @Test
    void arithmeticComparesTheAnswerLineAsANumber() {
        Grader grader = Graders.canary(CanaryKind.ARITHMETIC, "10081");

        assertThat(grader.score("10063 + 18 = 10081\nANSWER: 10,081")).isEqualTo(1.0);
        assertThat(grader.score("10063 + 18 = 10081\nANSWER: 10082")).isEqualTo(0.0);
    }

    @Test
    void jsonComparesTheAnswerLineAsJson() {
        Grader grader = Graders.canary(CanaryKind.JSON, "{\"city\":\"Oslo\",\"count\":3}");

        assertThat(grader.score("Here is the object.\nANSWER: {\"count\": 3, \"city\": \"Oslo\"}")).isEqualTo(1.0);
        assertThat(grader.score("Here is the object.\nANSWER: {\"count\": 4, \"city\": \"Oslo\"}")).isEqualTo(0.0);
    }

    @Test
    void lookupAndToolCompareTheAnswerLineExactly() {
        assertThat(Graders.canary(CanaryKind.LOOKUP, "Kanmi").score("ANSWER: Kanmi")).isEqualTo(1.0);
        assertThat(Graders.canary(CanaryKind.LOOKUP, "Kanmi").score("ANSWER: kanmi")).isEqualTo(0.0);
        assertThat(Graders.canary(CanaryKind.TOOL, "get_weather(city=\"Oslo\")")
                .score("ANSWER: get_weather(city=\"Oslo\")")).isEqualTo(1.0);
    }
}
