package dev.brownout.faultproxy;

import java.time.Instant;

/**
 * One connection a proxy accepted, logged when it ended.
 *
 * @param seq             the entry's place in the server's connection log, from 1
 * @param time            when the proxy accepted the connection
 * @param proxy           the proxy's name
 * @param client          the client's address, {@code host:port}
 * @param durationMs      from acceptance until the connection ended
 * @param bytesFromClient bytes the proxy read from the client
 * @param bytesToUpstream bytes the proxy delivered to the upstream; 0 means the upstream saw nothing of it
 * @param bytesToClient   bytes the proxy delivered to the client
 * @param addedDelayMs    the longest any chunk of the connection waited in the proxy past the instant it was due at
 *                        its destination (its read time, moved later by every delay a toxic planned for it): the
 *                        delay the proxy added on its own, in milliseconds
 */
record ConnectionEntry(long seq, Instant time, String proxy, String client, ConnectionOutcome outcome,
                       long durationMs, long bytesFromClient, long bytesToUpstream, long bytesToClient, double addedDelayMs) {
}
