package dev.brownout.internal.workload;

import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** One exchange as a driver times it: how its end is told apart when a run is stopped. */
class TimedExchangeTest {

    private static final SutRequest REQUEST = new SutRequest("task-1", "p", false, Duration.ofSeconds(30));

    /**
     * Stopping a run interrupts the driver's thread and then the SUT call; when the call's failure reaches the
     * driver before the interrupt does, the exchange is still the run's doing, never the SUT's error.
     */
    @RepeatedTest(20)
    void anExchangeTheStopInterruptedIsAbortedWhicheverTheDriverSeesFirst() {
        Thread driver = Thread.currentThread();
        SutClient interruptedByTheStop = request -> {
            driver.interrupt();
            throw new InterruptedException("the call was interrupted by the stop");
        };

        Exchange exchange;
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            exchange = TimedExchange.run(REQUEST, 0, System.nanoTime(), interruptedByTheStop, calls, Duration.ofSeconds(30));
        } finally {
            Thread.interrupted();
        }

        assertThat(exchange.outcome()).as("outcome of an exchange the stop interrupted").isEqualTo(Exchange.ABORTED);
    }

    @Test
    void aCallThatFailsOnItsOwnIsAnError() {
        SutClient failing = request -> {
            throw new IllegalStateException("the gateway broke");
        };

        Exchange exchange;
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            exchange = TimedExchange.run(REQUEST, 0, System.nanoTime(), failing, calls, Duration.ofSeconds(30));
        }

        assertThat(exchange.outcome()).as("outcome of a call that failed by itself").isEqualTo(Exchange.ERROR);
        assertThat(exchange.errorClass()).as("error class").isEqualTo("IllegalStateException");
    }
}
