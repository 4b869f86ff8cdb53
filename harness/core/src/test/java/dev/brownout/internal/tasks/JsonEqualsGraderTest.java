package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonEqualsGraderTest {

    @Test
    void equalJsonScoresOneWhateverTheFieldOrderAndNumberForm() {
        Grader grader = Graders.jsonEquals("{\"city\":\"Oslo\",\"count\":3,\"ok\":true}");

        assertThat(grader.score("{\"ok\": true, \"count\": 3.0, \"city\": \"Oslo\"}")).isEqualTo(1.0);
        assertThat(grader.score("{\"ok\": true, \"count\": 4, \"city\": \"Oslo\"}")).isEqualTo(0.0);
        assertThat(grader.score("{\"ok\": true, \"count\": 3, \"city\": \"Oslo\", \"extra\": 1}"))
                .as("an extra field").isEqualTo(0.0);
    }
}
