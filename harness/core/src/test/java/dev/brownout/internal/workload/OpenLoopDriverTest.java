package dev.brownout.internal.workload;

import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopDriverTest {

    private static SutRequest request(long index) {
        return new SutRequest("task-" + index, "prompt " + index, false, Duration.ofSeconds(5));
    }

    @Test
    void keepsTheArrivalScheduleWhileTheSutStalls() throws Exception {
        long origin = System.nanoTime();
        // Everything sent between 0.5 s and 1.5 s into the run waits 1.5 s for its answer.
        SutClient stallingSut = request -> {
            long at = System.nanoTime() - origin;
            if (at > 500_000_000L && at < 1_500_000_000L) {
                Thread.sleep(1_500);
            }
            return SutReply.ok("fine", "m");
        };
        OpenLoopDriver driver = new OpenLoopDriver(new ArrivalSchedule(40, Duration.ZERO, Duration.ofSeconds(3)),
                Duration.ofSeconds(5));

        DriverRun run = driver.run(OpenLoopDriverTest::request, stallingSut);

        List<Exchange> exchanges = run.exchanges();
        assertThat(exchanges).as("40/s for 3 s").hasSize(120).allSatisfy(e -> assertThat(e.answered()).isTrue());
        assertThat(exchanges).as("requests due during the stall still left on time")
                .allSatisfy(e -> assertThat(e.sendDelay()).isLessThan(Duration.ofMillis(250)));
        List<Exchange> stalled = exchanges.stream()
                .filter(e -> e.intended() > 600_000_000L && e.intended() < 1_400_000_000L).toList();
        assertThat(stalled).as("exchanges due inside the stall").hasSizeGreaterThan(25)
                .allSatisfy(e -> assertThat(e.latency()).as("latency from the intended send time")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(1_450)));
    }

    @Test
    void aHungSutCountsAsTimeoutsAndTheRunStillEnds() throws Exception {
        SutClient hungSut = request -> {
            Thread.sleep(60_000);
            return SutReply.ok("never", "m");
        };
        OpenLoopDriver driver = new OpenLoopDriver(new ArrivalSchedule(10, Duration.ZERO, Duration.ofSeconds(1)),
                Duration.ofMillis(300));
        long start = System.nanoTime();

        DriverRun run = driver.run(OpenLoopDriverTest::request, hungSut);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("run length with a hung SUT")
                .isLessThan(Duration.ofSeconds(6));
        assertThat(run.exchanges()).hasSize(10).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Exchange.TIMEOUT);
            assertThat(e.latency()).as("ended at the 300 ms budget").isBetween(Duration.ofMillis(290), Duration.ofSeconds(3));
        });
    }

    @Test
    void sutFailuresAndErrorStatusesAreErrorsWithTheirClass() throws Exception {
        SutClient flaky = request -> {
            if (request.taskId().endsWith("0")) {
                throw new IllegalStateException("boom");
            }
            return new SutReply(503, "overloaded", null, 0);
        };
        OpenLoopDriver driver = new OpenLoopDriver(new ArrivalSchedule(20, Duration.ZERO, Duration.ofSeconds(1)),
                Duration.ofSeconds(2));

        List<Exchange> exchanges = driver.run(OpenLoopDriverTest::request, flaky).exchanges();

        assertThat(exchanges).hasSize(20).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Exchange.ERROR));
        assertThat(exchanges).extracting(Exchange::errorClass).contains("IllegalStateException", "http_503");
    }

    @Test
    void aRampStartsWithFewArrivalsAndReachesTheFullRate() {
        ArrivalSchedule schedule = new ArrivalSchedule(100, Duration.ofSeconds(2), Duration.ofSeconds(4));

        long inFirstSecond = countDueBefore(schedule, 1_000_000_000L);
        long inRamp = countDueBefore(schedule, 2_000_000_000L);
        long inAll = countDueBefore(schedule, 4_000_000_000L);

        assertThat(inFirstSecond).as("first second of a 2 s ramp to 100/s: a quarter of the ramp's 100").isBetween(24L, 26L);
        assertThat(inRamp).as("arrivals over the ramp: half of 2 s at 100/s").isBetween(99L, 101L);
        assertThat(inAll - inRamp).as("2 s at the full rate").isBetween(199L, 201L);
    }

    private static long countDueBefore(ArrivalSchedule schedule, long nanos) {
        long count = 0;
        while (schedule.dueAt(count) < nanos) {
            count++;
        }
        return count;
    }

    @Test
    void requestsDueWhileTheSutHangsForSecondsLeaveOnTime() {
        long origin = System.nanoTime();
        long hangStart = 1_000_000_000L;
        long hangEnd = 4_000_000_000L;
        // the SUT answers nothing between 1 s and 4 s: every call made then returns at 4 s. Three seconds at 20/s
        // put as many requests inside the hang as ten seconds at 5/s did, six times the 500 ms send bound.
        SutClient hangingSut = request -> {
            long now = System.nanoTime() - origin;
            if (now >= hangStart && now < hangEnd) {
                Thread.sleep(Duration.ofNanos(hangEnd - now));
            }
            return SutReply.ok("fine", "m");
        };
        OpenLoopDriver driver = new OpenLoopDriver(new ArrivalSchedule(20, Duration.ZERO, Duration.ofSeconds(5)),
                Duration.ofSeconds(8));

        DriverRun run = driver.run(OpenLoopDriverTest::request, hangingSut);

        List<Exchange> dueDuringTheHang = run.exchanges().stream()
                .filter(e -> e.intended() >= hangStart + 100_000_000L && e.intended() < hangEnd - 500_000_000L).toList();
        assertThat(dueDuringTheHang).as("20/s for the 2.4 s well inside the hang").hasSizeGreaterThanOrEqualTo(45);
        assertThat(dueDuringTheHang).as("each request due during the hang was sent at its time, not after it")
                .allSatisfy(e -> assertThat(e.sendDelay()).isLessThan(Duration.ofMillis(500)));
        assertThat(dueDuringTheHang).as("each one's latency counts from its intended time to the end of the hang")
                .allSatisfy(e -> assertThat(e.latency())
                        .isGreaterThanOrEqualTo(Duration.ofNanos(hangEnd - e.intended() - 50_000_000L)));
    }

    @Test
    void theListenerHearsOfEveryExchangeAsItEnds() {
        List<Exchange> heard = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        OpenLoopDriver driver = new OpenLoopDriver(new ArrivalSchedule(50, Duration.ZERO, Duration.ofSeconds(1)),
                Duration.ofSeconds(2));

        DriverRun run = driver.run(OpenLoopDriverTest::request, request -> SutReply.ok("fine", "m"), heard::add);

        assertThat(heard).as("exchanges the listener heard of").containsExactlyInAnyOrderElementsOf(run.exchanges());
        assertThat(run.completed()).as("a run that played its whole schedule is complete").isTrue();
    }

    @Test
    void interruptingTheRunKeepsWhatWasMeasuredAndAbortsWhatWasInFlight() throws Exception {
        // the first request answers; every later one hangs until the run is stopped
        SutClient sut = request -> {
            if (!request.taskId().equals("task-0")) {
                Thread.sleep(60_000);
            }
            return SutReply.ok("fine", "m");
        };
        OpenLoopDriver driver = new OpenLoopDriver(new ArrivalSchedule(20, Duration.ZERO, Duration.ofSeconds(30)),
                Duration.ofSeconds(60));
        java.util.concurrent.atomic.AtomicReference<DriverRun> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread runner = Thread.ofVirtual().start(() -> result.set(driver.run(OpenLoopDriverTest::request, sut)));

        Thread.sleep(1_000);
        runner.interrupt();
        runner.join(Duration.ofSeconds(10));

        assertThat(runner.isAlive()).as("the driver returned within 10 s of being stopped").isFalse();
        DriverRun run = result.get();
        assertThat(run.completed()).as("a stopped run is not complete").isFalse();
        assertThat(run.exchanges()).as("the answered first exchange is kept")
                .anySatisfy(e -> assertThat(e.answered()).isTrue());
        assertThat(run.exchanges().stream().filter(e -> e.outcome().equals(Exchange.ABORTED)).count())
                .as("exchanges in flight when the run stopped are recorded as aborted").isGreaterThanOrEqualTo(10);
        assertThat(run.exchanges()).as("nothing was sent after the stop: 20/s for about a second")
                .hasSizeLessThan(60);
    }

    @Test
    void aListenerThatThrowsStopsTheRunAndTheRunCarriesItsFailure() {
        IllegalStateException gradingBug = new IllegalStateException("the grader broke on task-5");
        ExchangeListener breaksOnTheSixth = exchange -> {
            if (exchange.taskId().equals("task-5")) {
                throw gradingBug;
            }
        };
        long started = System.nanoTime();

        DriverRun run = new OpenLoopDriver(new ArrivalSchedule(20, Duration.ZERO, Duration.ofSeconds(10)),
                Duration.ofSeconds(2)).run(OpenLoopDriverTest::request, request -> SutReply.ok("fine", "m"),
                breaksOnTheSixth);

        assertThat(run.listenerFailure()).as("the listener's exception, not swallowed").isSameAs(gradingBug);
        assertThat(run.unrecorded()).as("exchanges the listener threw on").isEqualTo(1);
        assertThat(run.completed()).as("a run whose listener failed is not complete").isFalse();
        assertThat(run.exchanges()).as("exchanges sent: the run stopped soon after the failure, far short of 200")
                .hasSizeBetween(6, 40);
        assertThat(run.exchanges()).extracting(Exchange::taskId).as("the exchange the listener failed on is kept")
                .contains("task-5");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time taken by a 10 s schedule stopped at 0.25 s")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anErrorInTheListenerIsCarriedTooNotLostOnTheExchangesThread() {
        StackOverflowError overflow = new StackOverflowError("a grader's regular expression recursed too deep");

        DriverRun run = new OpenLoopDriver(new ArrivalSchedule(20, Duration.ZERO, Duration.ofSeconds(2)),
                Duration.ofSeconds(2)).run(OpenLoopDriverTest::request, request -> SutReply.ok("fine", "m"),
                exchange -> {
                    throw overflow;
                });

        assertThat(run.listenerFailure()).as("an Error thrown by the listener").isSameAs(overflow);
        assertThat(run.completed()).as("a run whose listener failed is not complete").isFalse();
    }
}
