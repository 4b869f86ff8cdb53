package dev.brownout.internal.sut;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A container's log_line check finds its expression in a line, as a process's does, though Testcontainers matches whole frames. */
class SutContainerTest {

    /** How Testcontainers' log message wait strategy applies a regex to a frame of output. */
    private static boolean testcontainersMatches(String regex, String frame) {
        return frame.matches("(?s)" + regex);
    }

    @Test
    void aLogLineIsFoundInsideALineOfAFrame() {
        String regex = SutContainer.logLineRegex("listening on \\d+");

        assertThat(testcontainersMatches(regex, "2026-01-01 INFO listening on 8080 (http)\n"))
                .as("a line that contains the expression").isTrue();
        assertThat(testcontainersMatches(regex, "starting\nlistening on 8080\nready\n"))
                .as("a frame of three lines, the middle one containing it").isTrue();
        assertThat(testcontainersMatches(regex, "listening on port\n")).as("a line that does not contain it").isFalse();
    }

    @Test
    void anchorsInALogLineMeanTheStartAndEndOfALine() {
        String regex = SutContainer.logLineRegex("^Ready$");

        assertThat(testcontainersMatches(regex, "booting\nReady\n")).as("Ready alone on the second line").isTrue();
        assertThat(testcontainersMatches(regex, "Not Ready yet\n")).as("Ready inside a longer line").isFalse();
    }
}
