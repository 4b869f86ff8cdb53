package dev.brownout.fakes.ledger;

import java.util.List;

/**
 * Entries after a cursor, and the cursor to pass next time. {@code dropped} counts entries that were
 * evicted before the reader asked for them, so a slow reader knows it missed some.
 */
public record LedgerPage<E>(List<E> entries, long next, long dropped) {
}
