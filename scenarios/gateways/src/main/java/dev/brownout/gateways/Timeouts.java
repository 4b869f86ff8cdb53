package dev.brownout.gateways;

import java.time.Duration;

/**
 * @param connect   to open a TCP connection to an upstream
 * @param attempt   for one upstream attempt to send its whole answer (non-streamed requests)
 * @param firstByte for a streamed attempt to send its headers and first event, counted from the request; a
 *                  stream silent this long is abandoned (and, behind the resilient gateway, failed over)
 */
public record Timeouts(Duration connect, Duration attempt, Duration firstByte) {

    public Timeouts {
        connect = positiveOr(connect, Duration.ofSeconds(2), "connect");
        attempt = positiveOr(attempt, Duration.ofSeconds(30), "attempt");
        firstByte = positiveOr(firstByte, Duration.ofSeconds(10), "first_byte");
    }

    public static Timeouts defaults() {
        return new Timeouts(null, null, null);
    }

    static Duration positiveOr(Duration value, Duration fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }
}
