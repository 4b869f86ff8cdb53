package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A task always joins the ledger: a legal id, carried by the first task header of its prompt. */
class TaskTest {

    private static final Grader ANY = Graders.contains("x", true);

    @Test
    void aTaskWhosePromptCarriesItsIdIsAccepted() {
        Task task = new Task("q-1", "[brownout-task id=q-1 kind=user difficulty=1]\nWhy?", "x", "user", 1, ANY);

        assertThat(task.score("x marks the spot")).isEqualTo(1.0);
    }

    @Test
    void anIdOutsideTheHeaderAlphabetIsRefused() {
        assertThatThrownBy(() -> new Task("q 1", "[brownout-task id=q1 kind=user difficulty=1]\nWhy?", "x", "user", 1, ANY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task id 'q 1' is not 1 to 64 of A-Z a-z 0-9 . _ : -");
    }

    @Test
    void aPromptWithoutTheTasksHeaderIsRefused() {
        assertThatThrownBy(() -> new Task("q1", "Why?", "x", "user", 1, ANY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the first task header in the prompt of task q1 must carry its id, as in"
                        + " [brownout-task id=q1 kind=user difficulty=1]");
    }

    @Test
    void aPromptWhoseHeaderNamesAnotherTaskIsRefused() {
        assertThatThrownBy(() -> new Task("q1", "[brownout-task id=q2 kind=user difficulty=1]\nWhy?", "x", "user", 1, ANY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must carry its id");
    }
}
