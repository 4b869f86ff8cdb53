package dev.brownout;

import dev.brownout.internal.sut.AbortedReplyException;
import dev.brownout.internal.sut.UnreadableReplyException;
import dev.brownout.sut.SutReply;

import java.util.Objects;

/**
 * What a load tool saw of one task's exchange with the SUT, handed to {@link LoadPopulation#record}. Times are
 * {@code System.nanoTime()} values of this JVM. Either a reply (whatever its status) or an error class for a call that
 * got none. An exchange that ends later than its task's {@linkplain LoadTask#timeout() budget} after the task was taken
 * is recorded as a timeout, as {@code brownout run}'s driver would have abandoned it.
 *
 * @param errorClass why there is no reply: {@link #BROKEN_OFF}, {@link #UNREADABLE}, {@code timeout}, or the
 *                   exception's simple class name; null with a reply
 */
public record LoadExchange(LoadTask task, long startedNanos, long endedNanos, SutReply reply, String errorClass) {

    /** The error class of a reply whose body broke off before its end, as the built-in adapters report it. */
    public static final String BROKEN_OFF = AbortedReplyException.class.getSimpleName();

    /** The error class of a successful reply whose body is not the dialect's JSON, as the built-in adapters report it. */
    public static final String UNREADABLE = UnreadableReplyException.class.getSimpleName();

    /** The error class of an exchange that outlived its budget. */
    public static final String TIMEOUT = "timeout";

    public LoadExchange {
        Objects.requireNonNull(task, "the task the exchange was for");
        if ((reply == null) == (errorClass == null)) {
            throw new IllegalArgumentException("an exchange has either a reply or an error class, not "
                    + (reply == null ? "neither" : "both"));
        }
        if (endedNanos - startedNanos < 0) {
            throw new IllegalArgumentException("an exchange cannot end before it started");
        }
    }

    /** A reply arrived (any status, a stream's as read by {@link LoadRun#readStream()}). */
    public static LoadExchange replied(LoadTask task, long startedNanos, long endedNanos, SutReply reply) {
        return new LoadExchange(task, startedNanos, endedNanos, Objects.requireNonNull(reply, "a reply"), null);
    }

    /** No reply: the connection failed or broke off ({@link #BROKEN_OFF}), or the body was {@link #UNREADABLE}. */
    public static LoadExchange failed(LoadTask task, long startedNanos, long endedNanos, String errorClass) {
        Objects.requireNonNull(errorClass, "an error class, e.g. LoadExchange.BROKEN_OFF or ConnectException");
        return new LoadExchange(task, startedNanos, endedNanos, null, errorClass);
    }

    /** The load tool gave up on the exchange at its budget. */
    public static LoadExchange timedOut(LoadTask task, long startedNanos, long endedNanos) {
        return new LoadExchange(task, startedNanos, endedNanos, null, TIMEOUT);
    }
}
