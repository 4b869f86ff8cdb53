package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainsGraderTest {

    @Test
    void theExpectedTextAnywhereScoresOne() {
        Grader grader = Graders.contains("refund", true);

        assertThat(grader.score("You can ask for a refund within 30 days.")).isEqualTo(1.0);
        assertThat(grader.score("You can ask for your money back.")).isEqualTo(0.0);
    }

    @Test
    void caseCountsUnlessTurnedOff() {
        assertThat(Graders.contains("Refund", true).score("a refund")).isEqualTo(0.0);
        assertThat(Graders.contains("Refund", false).score("a REFUND")).isEqualTo(1.0);
    }

    @Test
    void anEmptyTextToLookForIsRefused() {
        assertThatThrownBy(() -> Graders.contains("", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
