package dev.brownout.internal.measure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brownout.internal.measure.Records.answered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoiseFloorTest {

    @Test
    void isTheAbsoluteIqLossOfOneBaselineAgainstTheOther() {
        // first baseline: 1, 1, 0, 1 -> Q = 0.75; second: 1, 1, 1, 1 -> Q = 1
        // loss of the second against the first = 1 - 1 / 0.75 = -1/3; the floor is |-1/3| = 1/3
        var first = List.of(answered("a", "p", 0, 1), answered("b", "p", 1, 1), answered("c", "p", 2, 0),
                answered("d", "p", 3, 1));
        var second = List.of(answered("a", "p", 0, 1), answered("b", "p", 1, 1), answered("c", "p", 2, 1),
                answered("d", "p", 3, 1));

        assertThat(NoiseFloor.between(first, second)).isCloseTo(1.0 / 3, within(1e-12));
    }
}
