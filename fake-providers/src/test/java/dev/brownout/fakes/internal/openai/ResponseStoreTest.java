package dev.brownout.fakes.internal.openai;

import dev.brownout.fakes.internal.exchange.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded store behind {@code previous_response_id}. */
class ResponseStoreTest {

    private static ResponseStore.Kept kept(String text) {
        return new ResponseStore.Kept(List.of(new ChatMessage("user", text)), null, null);
    }

    private static void keepCompleted(ResponseStore store, String id, String text) {
        store.keep(id, kept(text));
        store.completed(id);
    }

    @Test
    void aCompletedResponseCanBeContinuedWithItsConversation() {
        ResponseStore store = new ResponseStore(10, 1_000_000);

        keepCompleted(store, "resp_a", "hello");

        assertThat(store.continuable("resp_a")).as("the conversation of resp_a")
                .contains(List.of(new ChatMessage("user", "hello")));
    }

    @Test
    void aResponseThatNeverCompletedCannotBeContinued() {
        ResponseStore store = new ResponseStore(10, 1_000_000);

        store.keep("resp_cut", kept("hello"));

        assertThat(store.continuable("resp_cut")).as("a planned response whose end was never sent").isEmpty();
    }

    @Test
    void pastItsCountTheOldestResponsesAreForgotten() {
        ResponseStore store = new ResponseStore(3, 1_000_000);

        for (String id : List.of("resp_1", "resp_2", "resp_3", "resp_4", "resp_5")) {
            keepCompleted(store, id, id);
        }

        assertThat(store.size()).as("responses kept").isEqualTo(3);
        assertThat(store.continuable("resp_2")).as("the second oldest, forgotten").isEmpty();
        assertThat(store.continuable("resp_3")).as("the oldest still kept").isPresent();
    }

    @Test
    void pastItsCharacterBudgetTheOldestResponsesAreForgotten() {
        ResponseStore store = new ResponseStore(1_000, 300);

        keepCompleted(store, "resp_big_1", "x".repeat(200));
        keepCompleted(store, "resp_big_2", "y".repeat(200));

        assertThat(store.continuable("resp_big_1")).as("the older of two that do not fit together").isEmpty();
        assertThat(store.continuable("resp_big_2")).as("the newest is always kept").isPresent();
    }

    @Test
    void aStoreThatKeepsNothingIsRefused() {
        assertThatThrownBy(() -> new ResponseStore(0, 100)).as("a bound of zero responses")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
