package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports show a grader's description on one line. */
class GraderDescriptionTest {

    @Test
    void aNumericGraderNamesTheNumberAndBothTolerances() {
        assertThat(Graders.numeric("42", new BigDecimal("0.5"), new BigDecimal("0.01")).description())
                .isEqualTo("number 42 ± 0.5 or within 1% of it");
    }

    @Test
    void aLineBreakInTheExpectedTextIsShownEscapedSoTheDescriptionStaysOneLine() {
        assertThat(Graders.answerLine(Graders.exact("a\nb", false)).description())
                .isEqualTo("on the last ANSWER: line, exactly \"a\\nb\" (any case)");
    }
}
