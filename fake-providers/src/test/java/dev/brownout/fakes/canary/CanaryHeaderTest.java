package dev.brownout.fakes.canary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Task headers of any kind: written by {@link Canaries#header}, their id read by {@link Canaries#taskIdIn}. */
class CanaryHeaderTest {

    @Test
    void aTaskHeaderOfAnyKindGivesItsIdButOnlyCanaryKindsAreCanaries() {
        String prompt = Canaries.header("faq-7.r2", "user", 1) + "\nWhat is our refund policy?";

        assertThat(Canaries.taskIdIn(prompt)).contains("faq-7.r2");
        assertThat(Canaries.find(prompt)).as("a user task is not a canary the fakes solve").isEmpty();
        assertThat(Canaries.taskIdIn("no header here")).isEmpty();
    }

    @Test
    void aHeaderWithAnIllegalIdIsRefused() {
        assertThatThrownBy(() -> Canaries.header("has space", "user", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid task header");
    }
}
