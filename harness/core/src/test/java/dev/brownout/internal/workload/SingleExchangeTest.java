package dev.brownout.internal.workload;

import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** One task sent on its own (the probe after a run): timed like a driver's, and bounded. */
class SingleExchangeTest {

    private static final SutRequest REQUEST = new SutRequest("alive-probe", "p", false, Duration.ofSeconds(1));

    @Test
    void anAnswerIsTimedFromItsSendOnTheCallersClock() {
        long origin = System.nanoTime() - Duration.ofSeconds(3).toNanos();

        Exchange exchange = SingleExchange.send(REQUEST, request -> SutReply.ok("ANSWER: 4", "mid"), Duration.ofSeconds(1),
                origin);

        assertThat(exchange.outcome()).as("outcome").isEqualTo(Exchange.ANSWERED);
        assertThat(exchange.intended()).as("sent about 3s after the origin").isGreaterThanOrEqualTo(Duration.ofSeconds(3).toNanos());
        assertThat(exchange.started()).as("started no earlier than it was due").isGreaterThanOrEqualTo(exchange.intended());
        assertThat(exchange.answer()).as("answer").isEqualTo("ANSWER: 4");
    }

    @Test
    void aSutThatNeverAnswersIsATimeoutAtTheBound() {
        long origin = System.nanoTime();

        Exchange exchange = SingleExchange.send(REQUEST, request -> {
            Thread.sleep(60_000);
            return SutReply.ok("late", "mid");
        }, Duration.ofMillis(200), origin);

        assertThat(exchange.outcome()).as("outcome of a call that hangs past its 200ms bound").isEqualTo(Exchange.TIMEOUT);
        assertThat(exchange.latency()).as("how long it was waited for").isGreaterThanOrEqualTo(Duration.ofMillis(200))
                .isLessThan(Duration.ofSeconds(10));
    }
}
