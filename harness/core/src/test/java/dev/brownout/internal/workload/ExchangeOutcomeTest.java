package dev.brownout.internal.workload;

import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutReply.Ending;
import dev.brownout.sut.SutReply.Usage;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a reply that arrived becomes an exchange's outcome, as its caller experiences it: answered (whole, or a
 * truncated success) or an error. Hand-built replies, one rule each.
 */
class ExchangeOutcomeTest {

    private static final String CANARY = "[brownout-task id=ari-000001 kind=arithmetic difficulty=1]\n"
            + "What is 2 + 3?\nShow brief working, then finish with one final line: ANSWER: <your answer>";
    private static final String WHOLE = "2 + 3 = 5\nANSWER: 5";
    private static final Usage USAGE = new Usage(40L, 9L);

    private static Exchange outcome(SutReply reply) {
        return outcome(reply, CANARY);
    }

    private static Exchange outcome(SutReply reply, String prompt) {
        return TimedExchange.ofReply(new SutRequest("t", prompt, true, Duration.ofSeconds(5)), reply, 0, 0, -1, 10);
    }

    private static SutReply reply(int status, String answer, String finishReason, Usage usage, Ending ending) {
        return new SutReply(status, answer, "m", 0, false, finishReason, usage, ending, 0);
    }

    @Test
    void aStreamEndedByItsTerminatorWithAStopIsAWholeAnswer() {
        Exchange exchange = outcome(reply(200, WHOLE, "stop", USAGE, Ending.TERMINATOR));

        assertThat(exchange.outcome()).as("outcome").isEqualTo(Exchange.ANSWERED);
        assertThat(exchange.truncated()).as("truncated").isFalse();
        assertThat(exchange.truncation()).as("reason").isNull();
    }

    @Test
    void aStreamThatOnlyLacksItsTerminatorButHasFinishReasonAndUsageIsAWholeAnswer() {
        Exchange exchange = outcome(reply(200, WHOLE, "stop", USAGE, Ending.CLEAN_END));

        assertThat(exchange.outcome()).as("outcome").isEqualTo(Exchange.ANSWERED);
        assertThat(exchange.truncated()).as("a complete answer without [DONE] is a success").isFalse();
    }

    @Test
    void aStreamThatSimplyEndsWithoutAFinishReasonIsATruncatedSuccess() {
        Exchange exchange = outcome(reply(200, "2 + 3", null, null, Ending.CLEAN_END));

        assertThat(exchange.outcome()).as("the caller got a success").isEqualTo(Exchange.ANSWERED);
        assertThat(exchange.truncated()).as("truncated").isTrue();
        assertThat(exchange.truncation()).as("reason").isEqualTo("the stream ended without a finish reason");
    }

    @Test
    void aStreamWithoutTerminatorOrUsageIsATruncatedSuccessEvenWithAFinishReason() {
        Exchange exchange = outcome(reply(200, WHOLE, "stop", null, Ending.CLEAN_END));

        assertThat(exchange.truncation()).as("reason")
                .isEqualTo("the stream ended without its terminator and without usage");
    }

    @Test
    void aStreamWithItsTerminatorNeedsNoUsage() {
        assertThat(outcome(reply(200, WHOLE, "stop", null, Ending.TERMINATOR)).truncated())
                .as("a gateway that strips usage but ends the stream properly delivered the whole answer").isFalse();
    }

    @Test
    void aTokenLimitFinishIsATruncatedSuccess() {
        assertThat(outcome(reply(200, WHOLE, "length", USAGE, Ending.TERMINATOR)).truncation()).as("OpenAI's length")
                .isEqualTo("finish reason length: the answer stopped at the token limit");
        assertThat(outcome(reply(200, WHOLE, "max_tokens", USAGE, Ending.WHOLE_BODY)).truncated())
                .as("Anthropic's max_tokens").isTrue();
        assertThat(outcome(reply(200, WHOLE, "max_output_tokens", USAGE, Ending.TERMINATOR)).truncated())
                .as("an incomplete Responses API answer's max_output_tokens").isTrue();
    }

    @Test
    void aCompletedResponsesApiAnswerIsWhole() {
        assertThat(outcome(reply(200, WHOLE, "completed", USAGE, Ending.TERMINATOR)).truncated())
                .as("a Responses API answer whose status is completed").isFalse();
    }

    @Test
    void aWholeBodyWithoutAFinishReasonIsATruncatedSuccess() {
        assertThat(outcome(reply(200, WHOLE, null, USAGE, Ending.WHOLE_BODY)).truncation()).as("reason")
                .isEqualTo("the reply has no finish reason");
    }

    @Test
    void aCanaryAnswerWithoutItsAnswerLineIsATruncatedSuccessWhereTheAdapterSeesNoEnding() {
        Exchange exchange = outcome(new SutReply(200, "2 + 3 =", null, 0));

        assertThat(exchange.outcome()).as("outcome").isEqualTo(Exchange.ANSWERED);
        assertThat(exchange.truncation()).as("reason").isEqualTo("no final ANSWER line");
        assertThat(outcome(new SutReply(200, "2 + 3 = 5\nANSWER:", null, 0)).truncated())
                .as("an ANSWER line with nothing on it").isTrue();
    }

    @Test
    void aCanaryAnswerWithItsAnswerLineIsWholeWhereTheAdapterSeesNoEnding() {
        assertThat(outcome(new SutReply(200, WHOLE, null, 0)).truncated()).as("truncated").isFalse();
    }

    @Test
    void aPromptThatIsNoCanaryNeedsNoAnswerLine() {
        assertThat(outcome(new SutReply(200, "a poem", null, 0), "Write a poem.").truncated()).as("truncated").isFalse();
    }

    @Test
    void anAnswerTheSutFlaggedIncompleteIsATruncatedSuccess() {
        Exchange exchange = outcome(new SutReply(200, WHOLE, null, 0, true));

        assertThat(exchange.outcome()).as("outcome").isEqualTo(Exchange.ANSWERED);
        assertThat(exchange.truncation()).as("reason").isEqualTo("the SUT reported the answer incomplete");
    }

    @Test
    void anErrorEventIsAnErrorNeverATruncatedSuccess() {
        Exchange exchange = outcome(reply(502, "2 + 3", null, null, Ending.ERROR_EVENT));

        assertThat(exchange.outcome()).as("outcome").isEqualTo(Exchange.ERROR);
        assertThat(exchange.errorClass()).as("error class").isEqualTo("stream_error");
        assertThat(exchange.truncated()).as("truncated").isFalse();
    }

    @Test
    void anErrorEventUnderA200IsStillAnError() {
        Exchange exchange = outcome(reply(200, "2 + 3", null, null, Ending.ERROR_EVENT));

        assertThat(exchange.outcome()).as("a client in this JVM that reports the event under a 200")
                .isEqualTo(Exchange.ERROR);
        assertThat(exchange.errorClass()).as("error class").isEqualTo("stream_error");
    }

    @Test
    void anErrorStatusIsAnErrorNeverATruncatedSuccess() {
        Exchange exchange = outcome(reply(503, "overloaded", null, null, Ending.WHOLE_BODY));

        assertThat(exchange.outcome()).as("outcome").isEqualTo(Exchange.ERROR);
        assertThat(exchange.errorClass()).as("error class").isEqualTo("http_503");
        assertThat(exchange.truncated()).as("truncated").isFalse();
    }

    @Test
    void theReplysFinishReasonUsageEndingAndMalformedEventsAreKept() {
        Exchange exchange = outcome(new SutReply(200, WHOLE, "m", 0, false, "stop", USAGE, Ending.TERMINATOR, 2));

        assertThat(exchange.finishReason()).as("finish reason").isEqualTo("stop");
        assertThat(exchange.usage()).as("usage").isEqualTo(USAGE);
        assertThat(exchange.ending()).as("ending").isEqualTo(Ending.TERMINATOR);
        assertThat(exchange.malformedEvents()).as("malformed events").isEqualTo(2);
        assertThat(exchange.truncated()).as("skipped events do not make an answer truncated").isFalse();
    }
}
