package dev.brownout.internal.record;

import java.time.Instant;

/**
 * One line of {@code connections.jsonl}: a connection the embedded fault proxy accepted in front of a target,
 * as its connection log reported it (see docs/fault-proxy.md, "the connection log").
 *
 * @param seq             the entry's place in the fault proxy's log
 * @param time            when the proxy accepted the connection
 * @param proxy           the target's name: a provider, or {@code oauth}
 * @param client          the connecting address, {@code host:port}
 * @param outcome         what decided its fate: {@code forwarded}, {@code refused_while_down},
 *                        {@code upstream_refused}, {@code reset_by_toxic}, {@code timed_out_by_toxic},
 *                        {@code blackholed_by_toxic}, {@code closed_by_toxic} or {@code closed_by_proxy}
 * @param bytesToUpstream bytes delivered to the fake; 0 means the fake saw nothing of this connection
 * @param addedDelayMs    the longest a chunk of it waited in the proxy past when it was due; null when the proxy did
 *                        not say (a log written before it measured this)
 */
public record ConnectionRecord(long seq, Instant time, String proxy, String client, String outcome, long durationMs,
                               long bytesFromClient, long bytesToUpstream, long bytesToClient, Double addedDelayMs) {

    public static final String FORWARDED = "forwarded";
    public static final String REFUSED_WHILE_DOWN = "refused_while_down";
    public static final String CLOSED_BY_PROXY = "closed_by_proxy";

    /** A connection whose added delay was not measured. */
    public ConnectionRecord(long seq, Instant time, String proxy, String client, String outcome, long durationMs,
                            long bytesFromClient, long bytesToUpstream, long bytesToClient) {
        this(seq, time, proxy, client, outcome, durationMs, bytesFromClient, bytesToUpstream, bytesToClient, null);
    }
}
