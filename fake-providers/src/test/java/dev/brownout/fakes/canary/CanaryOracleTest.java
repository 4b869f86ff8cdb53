package dev.brownout.fakes.canary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CanaryOracleTest {

    @Test
    void probabilityIsCapabilityTimesMultiplierToTheDifficulty() {
        assertThat(CanaryOracle.probability(0.9, 1.0, 1)).isEqualTo(0.9);
        assertThat(CanaryOracle.probability(0.9, 1.0, 2)).isCloseTo(0.81, within(1e-12));
        assertThat(CanaryOracle.probability(0.8, 0.5, 1)).isCloseTo(0.4, within(1e-12));
        assertThat(CanaryOracle.probability(0.9, 2.0, 1)).as("clamped to 1").isEqualTo(1.0);
    }

    @Test
    void verdictsAreDeterministicForSeedTaskModelAndChoice() {
        for (int i = 0; i < 100; i++) {
            String task = "task-" + i;
            assertThat(CanaryOracle.answersCorrectly(1, task, "mid", 0, 0.5))
                    .isEqualTo(CanaryOracle.answersCorrectly(1, task, "mid", 0, 0.5));
        }
    }

    @Test
    void theShareOfCorrectVerdictsMatchesTheProbability() {
        int correct = 0;
        int trials = 20_000;
        for (int i = 0; i < trials; i++) {
            if (CanaryOracle.answersCorrectly(9, "t" + i, "mid", 0, 0.7)) {
                correct++;
            }
        }
        assertThat(correct / (double) trials).as("share correct at p = 0.7 over %d tasks", trials)
                .isCloseTo(0.7, within(0.02));
    }

    @Test
    void aMoreCapableModelIsRightWheneverALessCapableOneIs() {
        for (int i = 0; i < 1_000; i++) {
            double draw = CanaryOracle.draw(4, "t" + i, "m", 0);
            assertThat(draw).isBetween(0.0, 1.0);
            if (draw < 0.5) {
                assertThat(CanaryOracle.answersCorrectly(4, "t" + i, "m", 0, 0.9)).isTrue();
            }
        }
    }
}
