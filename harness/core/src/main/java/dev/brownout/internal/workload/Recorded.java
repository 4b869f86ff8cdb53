package dev.brownout.internal.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** What both drivers do with an exchange once it ended, and with their threads once the run stops. */
final class Recorded {

    private Recorded() {
    }

    /**
     * Keeps the exchange, then tells the listener; a listener that throws goes to {@code failure}, which stops the
     * driver, never to the exchange's thread (it would vanish there) and never into the load.
     */
    static void add(List<Exchange> exchanges, ExchangeListener listener, Exchange exchange, ListenerFailure failure) {
        exchanges.add(exchange);
        try {
            listener.ended(exchange);
        } catch (Throwable e) {
            // an Error too (a grader's regular expression overflowing the stack): on this thread it would vanish
            failure.add(e);
        }
    }

    /**
     * Interrupts whatever still runs (its exchanges record themselves as aborted) and waits briefly for
     * them to do so; SUT calls that ignore the interrupt are abandoned.
     */
    static void stop(ExecutorService exchanges, ExecutorService sutCalls) {
        exchanges.shutdownNow();
        sutCalls.shutdownNow();
        // the stopping thread is usually interrupted itself; it must still wait for the aborted exchanges
        boolean interrupted = Thread.interrupted();
        try {
            exchanges.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static List<Exchange> ordered(List<Exchange> exchanges) {
        List<Exchange> ordered;
        synchronized (exchanges) {
            ordered = new ArrayList<>(exchanges);
        }
        ordered.sort(Comparator.comparingLong(Exchange::intended));
        return ordered;
    }
}
