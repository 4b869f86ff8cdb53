package dev.brownout.internal.sut;

import java.time.Duration;
import java.util.Objects;

/**
 * How the harness knows a started SUT process is ready for traffic.
 *
 * @param target  for {@link Kind#HTTP} a URL answering GET with a 2xx, for {@link Kind#TCP} {@code host:port}
 *                (both templates over the world), for {@link Kind#LOG_LINE} a regular expression that a line
 *                of the process's output must contain
 * @param timeout how long to wait before giving up and stopping the process
 */
public record ReadinessCheck(Kind kind, String target, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public enum Kind { HTTP, TCP, LOG_LINE }

    public ReadinessCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a readiness timeout must be positive, was " + timeout);
        }
    }
}
