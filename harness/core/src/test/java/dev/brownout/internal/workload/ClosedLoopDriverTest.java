package dev.brownout.internal.workload;

import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ClosedLoopDriverTest {

    private static SutRequest request(long index) {
        return new SutRequest("task-" + index, "prompt " + index, false, Duration.ofSeconds(5));
    }

    @Test
    void neverHasMoreTasksInFlightThanAgents() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        SutClient sut = request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(40);
            inFlight.decrementAndGet();
            return SutReply.ok("ok", "m");
        };

        List<Exchange> exchanges = new ClosedLoopDriver(4, Duration.ofSeconds(1), Duration.ofSeconds(2))
                .run(ClosedLoopDriverTest::request, sut).exchanges();

        assertThat(most.get()).as("most tasks in flight at once with 4 agents").isEqualTo(4);
        assertThat(exchanges).as("4 agents x about 25 tasks of 40 ms").hasSizeBetween(40, 110)
                .allSatisfy(e -> assertThat(e.answered()).isTrue());
    }

    @Test
    void aSlowSutSlowsTheLoadDown() throws Exception {
        SutClient slow = request -> {
            Thread.sleep(250);
            return SutReply.ok("ok", "m");
        };

        List<Exchange> exchanges = new ClosedLoopDriver(2, Duration.ofSeconds(1), Duration.ofSeconds(2))
                .run(ClosedLoopDriverTest::request, slow).exchanges();

        assertThat(exchanges).as("2 agents, 250 ms per task, 1 s: each sends at most 4").hasSizeBetween(2, 8);
        assertThat(exchanges).extracting(Exchange::taskId).doesNotHaveDuplicates();
    }

    @Test
    void interruptingTheAgentsKeepsWhatWasMeasuredAndAbortsWhatWasInFlight() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch allHanging = new CountDownLatch(4);
        // each agent's first task answers; the next ones hang until the run is stopped
        SutClient sut = request -> {
            if (calls.incrementAndGet() > 4) {
                allHanging.countDown();
                Thread.sleep(60_000);
            }
            return SutReply.ok("fine", "m");
        };
        ClosedLoopDriver driver = new ClosedLoopDriver(4, Duration.ofSeconds(30), Duration.ofSeconds(60));
        AtomicReference<DriverRun> result = new AtomicReference<>();
        Thread runner = Thread.ofVirtual().start(() -> result.set(driver.run(
                index -> new SutRequest("task-" + index, "p", false, Duration.ofSeconds(60)), sut)));

        assertThat(allHanging.await(10, TimeUnit.SECONDS)).as("every agent answered once and is in its second task").isTrue();
        runner.interrupt();
        runner.join(Duration.ofSeconds(10));

        assertThat(runner.isAlive()).as("the driver returned within 10 s of being stopped").isFalse();
        DriverRun run = result.get();
        assertThat(run.completed()).as("a stopped run is not complete").isFalse();
        assertThat(run.exchanges()).as("4 answered, then one aborted per agent").hasSize(8);
        assertThat(run.exchanges().stream().filter(e -> e.outcome().equals(Exchange.ABORTED)).count())
                .as("exchanges in flight when the run stopped").isEqualTo(4);
    }

    @Test
    void aListenerThatThrowsStopsTheAgentsAndTheRunCarriesItsFailure() {
        IllegalStateException recordingBug = new IllegalStateException("the exchange log broke");
        AtomicInteger heard = new AtomicInteger();
        ExchangeListener breaksOnTheTenth = exchange -> {
            if (heard.incrementAndGet() == 10) {
                throw recordingBug;
            }
        };
        long started = System.nanoTime();

        DriverRun run = new ClosedLoopDriver(2, Duration.ofSeconds(10), Duration.ofSeconds(2))
                .run(ClosedLoopDriverTest::request, request -> {
                    Thread.sleep(10);
                    return SutReply.ok("ok", "m");
                }, breaksOnTheTenth);

        assertThat(run.listenerFailure()).as("the listener's exception, not swallowed").isSameAs(recordingBug);
        assertThat(run.unrecorded()).as("exchanges the listener threw on").isEqualTo(1);
        assertThat(run.completed()).as("a run whose listener failed is not complete").isFalse();
        assertThat(run.exchanges()).as("each agent stops after its exchange in flight").hasSizeBetween(10, 12);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time taken by a 10 s run stopped early")
                .isLessThan(Duration.ofSeconds(5));
    }
}
