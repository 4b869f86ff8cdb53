package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExactGraderTest {

    @Test
    void theRightAnswerScoresOneAndAWrongOneZero() {
        Grader grader = Graders.exact("Oslo", true);

        assertThat(grader.score("Oslo")).isEqualTo(1.0);
        assertThat(grader.score("Bergen")).isEqualTo(0.0);
    }

    @Test
    void surroundingWhitespaceIsIgnoredOnBothSides() {
        assertThat(Graders.exact("  Oslo\n", true).score("\tOslo  \n")).isEqualTo(1.0);
    }

    @Test
    void caseCountsByDefaultAndNotWhenCaseSensitiveIsFalse() {
        assertThat(Graders.exact("Oslo", true).score("oslo")).as("case-sensitive").isEqualTo(0.0);
        assertThat(Graders.exact("Oslo", false).score("OSLO")).as("case-insensitive").isEqualTo(1.0);
    }

    @Test
    void anAnswerThatOnlyContainsTheExpectedTextIsWrong() {
        assertThat(Graders.exact("Oslo", true).score("The answer is Oslo")).isEqualTo(0.0);
    }
}
