package dev.brownout.fakes.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {

    private static Ledger<Long> filled(int capacity, int count) {
        Ledger<Long> ledger = new Ledger<>(capacity);
        for (int i = 0; i < count; i++) {
            ledger.append(seq -> seq);
        }
        return ledger;
    }

    @Test
    void pagesThroughEntriesWithACursorWithoutGapsOrRepeats() {
        Ledger<Long> ledger = filled(100, 25);

        LedgerPage<Long> first = ledger.since(0, 10);
        LedgerPage<Long> second = ledger.since(first.next(), 10);
        LedgerPage<Long> third = ledger.since(second.next(), 10);
        LedgerPage<Long> empty = ledger.since(third.next(), 10);

        assertThat(first.entries()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(second.entries()).startsWith(11L).endsWith(20L);
        assertThat(third.entries()).containsExactly(21L, 22L, 23L, 24L, 25L);
        assertThat(empty.entries()).isEmpty();
        assertThat(empty.next()).as("an empty page keeps the cursor").isEqualTo(25);
    }

    @Test
    void evictsTheOldestWhenFullAndTellsAReaderWhatItMissed() {
        Ledger<Long> ledger = filled(10, 25);

        LedgerPage<Long> page = ledger.since(0, 100);

        assertThat(page.entries()).as("what is still held").startsWith(16L).endsWith(25L);
        assertThat(page.dropped()).as("entries gone before the reader asked").isEqualTo(15);
        assertThat(ledger.evicted()).isEqualTo(15);
        assertThat(ledger.since(20, 100).dropped()).as("a reader past the evicted ones missed nothing").isZero();
    }

    @Test
    void aLedgerGrownPastItsFirstSlotsAndWrappedKeepsItsOrder() {
        Ledger<Long> ledger = filled(3000, 7500);

        LedgerPage<Long> page = ledger.since(0, 10_000);

        assertThat(page.entries()).as("the newest 3,000 of 7,500, oldest first")
                .hasSize(3000).startsWith(4501L, 4502L).endsWith(7499L, 7500L).isSorted();
        assertThat(ledger.since(7000, 3).entries()).as("a page from inside the wrapped ring")
                .containsExactly(7001L, 7002L, 7003L);
        assertThat(ledger.all()).as("every entry held").hasSize(3000).first().isEqualTo(4501L);
    }
}
