package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumericGraderTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theRightNumberScoresOneAndAnotherZero() {
        Grader grader = Graders.numeric("42", BigDecimal.ZERO, null);

        assertThat(grader.score("42")).isEqualTo(1.0);
        assertThat(grader.score("43")).isEqualTo(0.0);
    }

    @Test
    void theAbsoluteToleranceIncludesItsBoundaryExactly() {
        Grader grader = Graders.numeric("10", d("0.1"), null);

        assertThat(grader.score("10.1")).as("exactly 0.1 above").isEqualTo(1.0);
        assertThat(grader.score("9.9")).as("exactly 0.1 below").isEqualTo(1.0);
        assertThat(grader.score("10.1000001")).as("just outside").isEqualTo(0.0);
        assertThat(grader.score("9.8999999")).as("just outside below").isEqualTo(0.0);
    }

    @Test
    void theRelativeToleranceIsAShareOfTheExpectedValue() {
        Grader grader = Graders.numeric("200", BigDecimal.ZERO, d("0.05"));

        assertThat(grader.score("210")).as("5% of 200 above").isEqualTo(1.0);
        assertThat(grader.score("189.9")).as("more than 5% below").isEqualTo(0.0);
    }

    @Test
    void eitherToleranceIsEnough() {
        Grader grader = Graders.numeric("1000", d("2"), d("0.001"));

        assertThat(grader.score("1001")).as("within both").isEqualTo(1.0);
        assertThat(grader.score("998")).as("within the absolute 2 only").isEqualTo(1.0);
        assertThat(grader.score("1003")).as("outside both").isEqualTo(0.0);
    }

    @Test
    void thousandsCommasAndExponentsAreRead() {
        assertThat(Graders.numeric("1234", BigDecimal.ZERO, null).score("It comes to 1,234 in total"))
                .isEqualTo(1.0);
        assertThat(Graders.numeric("1000", BigDecimal.ZERO, null).score("1e3")).isEqualTo(1.0);
        assertThat(Graders.numeric("1,234", BigDecimal.ZERO, null).score("1234.0")).as("expected with a comma")
                .isEqualTo(1.0);
        assertThat(Graders.numeric("-7", BigDecimal.ZERO, null).score("minus: -7")).isEqualTo(1.0);
    }

    @Test
    void theFirstNumberInTheAnswerCounts() {
        assertThat(Graders.numeric("12", BigDecimal.ZERO, null).score("12 apples, not 13")).isEqualTo(1.0);
        assertThat(Graders.numeric("13", BigDecimal.ZERO, null).score("12 apples, not 13")).isEqualTo(0.0);
    }

    @Test
    void anAnswerLineWinsOverNumbersInTheWorking() {
        String reply = "347 * 29 = 10063\n10063 + 18 = 10081\nANSWER: 10081";

        assertThat(Graders.numeric("10081", BigDecimal.ZERO, null).score(reply)).isEqualTo(1.0);
    }

    @Test
    void anAnswerWithoutANumberScoresZero() {
        assertThat(Graders.numeric("3", BigDecimal.ONE, null).score("three")).isEqualTo(0.0);
    }

    @Test
    void aNegativeToleranceIsRefused() {
        assertThatThrownBy(() -> Graders.numeric("3", d("-1"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance must be 0 or more");
        assertThatThrownBy(() -> Graders.numeric("3", BigDecimal.ZERO, d("-0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative_tolerance must be 0 or more");
    }

    @Test
    void anExpectedValueThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> Graders.numeric("about 3", BigDecimal.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'about 3' is not a number");
    }
}
