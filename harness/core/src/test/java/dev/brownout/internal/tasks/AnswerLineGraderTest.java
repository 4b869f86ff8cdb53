package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerLineGraderTest {

    @Test
    void onlyTheValueOnTheLastAnswerLineIsGraded() {
        Grader grader = Graders.answerLine(Graders.exact("Oslo", true));

        assertThat(grader.score("I first thought Bergen.\nANSWER: Bergen\nNo wait.\nANSWER: Oslo")).isEqualTo(1.0);
        assertThat(grader.score("ANSWER: Oslo\nANSWER: Bergen")).isEqualTo(0.0);
    }

    @Test
    void aReplyWithoutAnAnswerLineScoresZeroEvenIfItHoldsTheAnswer() {
        assertThat(Graders.answerLine(Graders.exact("Oslo", true)).score("Oslo")).isEqualTo(0.0);
    }
}
