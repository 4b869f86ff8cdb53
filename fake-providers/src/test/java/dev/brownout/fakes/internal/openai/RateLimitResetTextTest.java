package dev.brownout.fakes.internal.openai;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The x-ratelimit-reset-* headers say a duration as the real API does: Go's duration text. */
class RateLimitResetTextTest {

    @ParameterizedTest
    @CsvSource({"0, 0ms", "6, 6ms", "999, 999ms", "1000, 1s", "1050, 1.05s", "1500, 1.5s", "59999, 59.999s",
            "61500, 1m1.5s", "120000, 2m0s", "-5, 0ms"})
    void aResetIsWrittenAsGoWritesADuration(long millis, String expected) {
        assertThat(OpenAiDialect.goDuration(Duration.ofMillis(millis))).as("%d ms as a reset header", millis)
                .isEqualTo(expected);
    }
}
