package dev.brownout.faultproxy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Brownout extension {@code GET /brownout/connections}: the connection log, paged with a cursor like a fake's
 * ledger. Query parameters: {@code since} (a sequence number, default 0: from the start), {@code limit} (1 to
 * {@value #MAX_PAGE}, default {@value #MAX_PAGE}) and {@code proxy} (one proxy's entries; default every proxy).
 * Toxiproxy has no such path and answers it with 404, which is how a client tells the two apart.
 */
final class ConnectionLogEndpoint {

    static final String PATH = "/brownout/connections";
    static final int MAX_PAGE = 10_000;

    @JsonPropertyOrder({"entries", "next", "last", "dropped"})
    record PageView(List<EntryView> entries, long next, long last, long dropped) {
    }

    @JsonPropertyOrder({"seq", "time", "proxy", "client", "outcome", "duration_ms", "bytes_from_client",
            "bytes_to_upstream", "bytes_to_client", "added_delay_ms"})
    record EntryView(long seq, String time, String proxy, String client, String outcome,
                     @JsonProperty("duration_ms") long durationMs,
                     @JsonProperty("bytes_from_client") long bytesFromClient,
                     @JsonProperty("bytes_to_upstream") long bytesToUpstream,
                     @JsonProperty("bytes_to_client") long bytesToClient,
                     @JsonProperty("added_delay_ms") double addedDelayMs) {

        static EntryView of(ConnectionEntry entry) {
            return new EntryView(entry.seq(), entry.time().toString(), entry.proxy(), entry.client(),
                    entry.outcome().label(), entry.durationMs(), entry.bytesFromClient(), entry.bytesToUpstream(),
                    entry.bytesToClient(), entry.addedDelayMs());
        }
    }

    private ConnectionLogEndpoint() {
    }

    /**
     * @param since the {@code since} parameter as sent, or null
     * @param limit the {@code limit} parameter as sent, or null
     * @param proxy the {@code proxy} parameter as sent, or null
     * @throws ApiError 400 naming the parameter when one is not a whole number in range
     */
    static PageView page(ConnectionLog log, String since, String limit, String proxy) {
        long cursor = number("since", since, 0, 0, Long.MAX_VALUE);
        int size = (int) number("limit", limit, MAX_PAGE, 1, MAX_PAGE);
        ConnectionLog.Page page = log.since(cursor, size, proxy == null || proxy.isEmpty() ? null : proxy);
        return new PageView(page.entries().stream().map(EntryView::of).toList(), page.next(), page.last(),
                page.dropped());
    }

    private static long number(String name, String given, long byDefault, long min, long max) {
        if (given == null || given.isEmpty()) {
            return byDefault;
        }
        long value;
        try {
            value = Long.parseLong(given);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(range(name, given, min, max));
        }
        if (value < min || value > max) {
            throw ApiError.badRequest(range(name, given, min, max));
        }
        return value;
    }

    private static String range(String name, String given, long min, long max) {
        return "'" + name + "' must be a whole number " + (max == Long.MAX_VALUE ? "of at least " + min
                : "from " + min + " to " + max) + "; got '" + given + "'";
    }
}
