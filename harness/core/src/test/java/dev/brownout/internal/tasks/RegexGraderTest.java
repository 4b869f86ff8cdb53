package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegexGraderTest {

    @Test
    void aPatternFoundAnywhereInTheAnswerScoresOne() {
        Grader grader = Graders.regex("order [A-Z]-\\d{4}");

        assertThat(grader.score("Your order B-2210 has shipped.")).isEqualTo(1.0);
        assertThat(grader.score("Your order 2210 has shipped.")).isEqualTo(0.0);
    }

    @Test
    void flagsAreWrittenInline() {
        assertThat(Graders.regex("(?i)^yes\\b").score("YES, it is")).isEqualTo(1.0);
        assertThat(Graders.regex("^yes\\b").score("YES, it is")).isEqualTo(0.0);
    }

    @Test
    void aBadPatternIsRefusedSayingWhere() {
        assertThatThrownBy(() -> Graders.regex("order (\\d+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid regular expression")
                .hasMessageContaining("order (\\d+");
    }
}
