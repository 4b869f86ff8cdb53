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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The closed model with a pace: each agent starts a task at least the pace after its last one started, and never
 * while its last one is still in flight. The lower bounds on start gaps are exact (the driver waits them out before
 * it sends); the upper bounds on counts follow from them, so no assertion depends on how fast the machine is.
 */
class PacedClosedLoopDriverTest {

    private static final SutClient INSTANT = request -> SutReply.ok("ok", "m");

    private static SutRequest request(long index) {
        return new SutRequest("task-" + index, "prompt " + index, false, Duration.ofSeconds(5));
    }

    private static SutClient taking(long millis) {
        return request -> {
            Thread.sleep(millis);
            return SutReply.ok("ok", "m");
        };
    }

    @Test
    void oneAgentStartsItsTasksAtLeastThePaceApart() {
        Duration pace = Duration.ofMillis(100);

        List<Exchange> exchanges = new ClosedLoopDriver(1, Duration.ofSeconds(1), Duration.ofSeconds(2), pace)
                .run(PacedClosedLoopDriverTest::request, INSTANT).exchanges();

        assertThat(exchanges).as("tasks one agent started in 1s, at least 100ms apart").hasSizeBetween(2, 10);
        for (int i = 1; i < exchanges.size(); i++) {
            assertThat(exchanges.get(i).started() - exchanges.get(i - 1).started())
                    .as("nanoseconds between the starts of tasks %d and %d", i - 1, i)
                    .isGreaterThanOrEqualTo(pace.toNanos());
        }
    }

    @Test
    void oneAgentHasOneTaskInFlightAtATime() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        SutClient counting = request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(30);
            inFlight.decrementAndGet();
            return SutReply.ok("ok", "m");
        };

        List<Exchange> exchanges = new ClosedLoopDriver(1, Duration.ofMillis(600), Duration.ofSeconds(2),
                Duration.ofMillis(50)).run(PacedClosedLoopDriverTest::request, counting).exchanges();

        assertThat(most.get()).as("most tasks in flight at once with one paced agent").isEqualTo(1);
        for (int i = 1; i < exchanges.size(); i++) {
            assertThat(exchanges.get(i).started()).as("start of task %d against the end of task %d", i, i - 1)
                    .isGreaterThanOrEqualTo(exchanges.get(i - 1).ended());
        }
    }

    @Test
    void anAnswerSlowerThanThePaceDelaysTheNextTaskInsteadOfOverlappingIt() {
        List<Exchange> exchanges = new ClosedLoopDriver(1, Duration.ofMillis(700), Duration.ofSeconds(2),
                Duration.ofMillis(50)).run(PacedClosedLoopDriverTest::request, taking(150)).exchanges();

        assertThat(exchanges).as("150ms tasks in 700ms").hasSizeBetween(2, 5);
        for (int i = 1; i < exchanges.size(); i++) {
            assertThat(exchanges.get(i).intended())
                    .as("task %d is due when task %d ended, not a pace after its start", i, i - 1)
                    .isGreaterThanOrEqualTo(exchanges.get(i - 1).ended());
        }
    }

    @Test
    void everyAgentIsPacedOnItsOwn() {
        List<Exchange> exchanges = new ClosedLoopDriver(3, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMillis(200)).run(PacedClosedLoopDriverTest::request, INSTANT).exchanges();

        assertThat(exchanges).as("3 agents, each starting at most one task per 200ms for 1s").hasSizeBetween(3, 15);
    }

    @Test
    void nothingStartsAtOrAfterTheDurationAndNoAgentWaitsPastIt() {
        long started = System.nanoTime();

        DriverRun run = new ClosedLoopDriver(1, Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(10))
                .run(PacedClosedLoopDriverTest::request, INSTANT);

        assertThat(run.exchanges()).as("tasks of a 300ms run paced at 10s").hasSize(1);
        assertThat(run.completed()).as("the run completed").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time the 300ms run took with a 10s pace")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void stoppingARunWhoseAgentWaitsOutItsPaceEndsItPromptly() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        SutClient sut = request -> {
            answered.countDown();
            return SutReply.ok("ok", "m");
        };
        ClosedLoopDriver driver = new ClosedLoopDriver(1, Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        AtomicReference<DriverRun> result = new AtomicReference<>();
        Thread runner = Thread.ofVirtual().start(() -> result.set(driver.run(PacedClosedLoopDriverTest::request, sut)));

        assertThat(answered.await(10, TimeUnit.SECONDS)).as("the agent sent its first task").isTrue();
        runner.interrupt();
        runner.join(Duration.ofSeconds(10));

        assertThat(runner.isAlive()).as("the driver returned within 10s of being stopped, not after the 30s pace")
                .isFalse();
        assertThat(result.get().completed()).as("a stopped run is not complete").isFalse();
        assertThat(result.get().exchanges()).as("the one task sent before the stop").hasSize(1);
    }

    @Test
    void aNegativePaceIsRefusedSayingWhatIsValid() {
        assertThatThrownBy(() -> new ClosedLoopDriver(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(-1)))
                .as("a pace of -1ms").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pace must be zero (none) or more");
    }
}
