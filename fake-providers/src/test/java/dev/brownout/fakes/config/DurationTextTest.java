package dev.brownout.fakes.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"250ms, 250", "2s, 2000", "1.5s, 1500", "1m30s, 90000", "2h, 7200000", "750, 750", "0s, 0"})
    void parsesTheFormsPeopleWrite(String text, long millis) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "10 parsecs", "1x", "s", "-1s", "1s2"})
    void refusesAnythingElseSayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("250ms");
    }

    @Test
    void formatsBackToAFormItParses() {
        for (Duration duration : new Duration[]{Duration.ofMillis(250), Duration.ofSeconds(90), Duration.ofHours(2),
                Duration.ofNanos(1500), Duration.ZERO, Duration.ofMillis(61_001)}) {
            assertThat(DurationText.parse(DurationText.format(duration))).isEqualTo(duration);
        }
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    }
}
