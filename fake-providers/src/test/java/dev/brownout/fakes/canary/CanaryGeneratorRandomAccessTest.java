package dev.brownout.fakes.canary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CanaryGenerator#task} reaches any position directly and agrees with {@link CanaryGenerator#next}. */
class CanaryGeneratorRandomAccessTest {

    @Test
    void theNthNextTaskIsTheTaskAtPositionN() {
        CanaryGenerator sequential = new CanaryGenerator(42);
        CanaryGenerator direct = new CanaryGenerator(42);
        for (int position = 1; position <= 40; position++) {
            CanaryKind kind = CanaryKind.values()[position % 4];
            int difficulty = 1 + position % 5;

            assertThat(sequential.next(kind, difficulty))
                    .as("next() call %d against task(%s, %d, %d)", position, kind, difficulty, position)
                    .isEqualTo(direct.task(kind, difficulty, position));
        }
    }

    @Test
    void randomAccessDoesNotMoveTheSequence() {
        CanaryGenerator generator = new CanaryGenerator(7);
        generator.task(CanaryKind.LOOKUP, 2, 500);

        assertThat(generator.next(CanaryKind.LOOKUP, 2).id())
                .as("the first next() after a task(...) lookup is still position 1")
                .isEqualTo(new CanaryGenerator(7).task(CanaryKind.LOOKUP, 2, 1).id());
    }

    @Test
    void idsKeepTheirFormKindPrefixSeedAndSixDigitPosition() {
        assertThat(new CanaryGenerator(0x5eed01).task(CanaryKind.ARITHMETIC, 2, 42).id()).isEqualTo("ari-5eed01-000042");
    }

    @Test
    void positionsStartAtOne() {
        assertThatThrownBy(() -> new CanaryGenerator(1).task(CanaryKind.JSON, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positions start at 1");
    }

    @Test
    void aBadDifficultyDoesNotUseUpAPosition() {
        CanaryGenerator generator = new CanaryGenerator(3);
        assertThatThrownBy(() -> generator.next(CanaryKind.JSON, 10)).isInstanceOf(IllegalArgumentException.class);

        assertThat(generator.next(CanaryKind.JSON, 1).id()).endsWith("-000001");
    }
}
