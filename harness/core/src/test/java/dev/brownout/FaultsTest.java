package dev.brownout;

import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.Fault;
import dev.brownout.fakes.behaviour.FaultCondition;
import dev.brownout.fakes.behaviour.HangFault;
import dev.brownout.fakes.behaviour.LatencyFault;
import dev.brownout.fakes.behaviour.StallFault;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.behaviour.UnterminatedFault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java API's provider faults become the fakes' fault records, with their scope. */
class FaultsTest {

    @Test
    void everyFaultTakesTheWholeScope() {
        List<ProviderFault> all = List.of(Faults.error(500), Faults.error(400, Faults.ErrorFields.code("x")),
                Faults.rateLimited(Duration.ofSeconds(1)), Faults.hang(), Faults.hangFor(Duration.ofSeconds(1)),
                Faults.slowFirstToken(Duration.ofSeconds(1)), Faults.slowFirstTokenAfterHeaders(Duration.ofSeconds(1)),
                Faults.slowTokens(0.5), Faults.cutAfter(3), Faults.cutAfter(3, CutMode.ABORT),
                Faults.unterminatedStream(), Faults.streamErrorAfter(2, 529),
                Faults.streamErrorAfter(2, 529, Faults.ErrorFields.type("overloaded_error")),
                Faults.stallAfter(2, Duration.ofSeconds(1)), Faults.stallThenCut(2, Duration.ofSeconds(1), CutMode.RESET),
                Faults.malformedChunkAfter(2), Faults.quality(0.5), Faults.substitute("small"));

        for (ProviderFault fault : all) {
            Fault scoped = fault.probability(0.25).onModels("mid").onAttempts(1, 3).onAssistantPrefill().toFault();
            assertThat(scoped.probability()).as("probability of " + fault).isEqualTo(0.25);
            assertThat(scoped.models()).as("models of " + fault).containsExactly("mid");
            assertThat(scoped.attempts()).as("attempts of " + fault).containsExactly(1, 3);
            assertThat(scoped.when()).as("condition of " + fault).isEqualTo(FaultCondition.ASSISTANT_PREFILL);
        }
    }

    @Test
    void anUnscopedFaultHitsEveryAttemptOfEveryRequest() {
        Fault fault = Faults.error(503).toFault();

        assertThat(fault.attempts()).as("attempts of an unscoped fault").isEmpty();
        assertThat(fault.when()).as("condition of an unscoped fault").isNull();
    }

    @Test
    void attemptsAreNumberedFromOneAndAtLeastOneIsNamed() {
        assertThatThrownBy(() -> Faults.error(500).onAttempts(0)).as("attempt 0")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numbered from 1");
        assertThatThrownBy(() -> Faults.error(500).onAttempts()).as("no attempt")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name at least one attempt");
    }

    @Test
    void errorFieldsFillTheErrorsBody() {
        ErrorFault error = (ErrorFault) Faults.error(400, Faults.ErrorFields.code("context_length_exceeded")
                .withParam("messages").withType("invalid_request_error").withMessage("too long")).toFault();

        assertThat(List.of(error.code(), error.param(), error.errorType(), error.message())).as("code, param, type, message")
                .containsExactly("context_length_exceeded", "messages", "invalid_request_error", "too long");
        StreamErrorFault event = (StreamErrorFault) Faults.streamErrorAfter(2, 529,
                Faults.ErrorFields.type("overloaded_error")).toFault();
        assertThat(event.errorType()).as("type of the stream error").isEqualTo("overloaded_error");
    }

    @Test
    void aBlankErrorFieldIsRefused() {
        assertThatThrownBy(() -> Faults.ErrorFields.code(" ")).as("blank code")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an error code must not be blank");
    }

    @Test
    void cutsAndStallsCarryHowTheyEnd() {
        assertThat(((CutFault) Faults.cutAfter(3).toFault()).mode()).as("cutAfter(3)").isEqualTo(CutMode.CLEAN);
        assertThat(((CutFault) Faults.cutAfter(3, CutMode.RESET).toFault()).mode()).as("cutAfter(3, RESET)")
                .isEqualTo(CutMode.RESET);
        assertThat(((StallFault) Faults.stallAfter(2, Duration.ofSeconds(1)).toFault()).then()).as("stallAfter")
                .isNull();
        assertThat(((StallFault) Faults.stallThenCut(2, Duration.ofSeconds(1), CutMode.ABORT).toFault()).then())
                .as("stallThenCut(ABORT)").isEqualTo(CutMode.ABORT);
    }

    @Test
    void latencyHangAndTerminatorFaultsAreTheRecordsTheyName() {
        assertThat(Faults.slowFirstTokenAfterHeaders(Duration.ofSeconds(2)).toFault()).as("slowFirstTokenAfterHeaders")
                .isEqualTo(new LatencyFault(Duration.ofSeconds(2), LatencyFault.Where.AFTER_HEADERS, null, null, null, null));
        assertThat(Faults.slowFirstToken(Duration.ofSeconds(2)).toFault()).as("slowFirstToken")
                .isEqualTo(new LatencyFault(Duration.ofSeconds(2), null, null));
        assertThat(Faults.hangFor(Duration.ofSeconds(30)).toFault()).as("hangFor")
                .isEqualTo(new HangFault(Duration.ofSeconds(30), null, null, null, null));
        assertThat(Faults.unterminatedStream().toFault()).as("unterminatedStream")
                .isEqualTo(new UnterminatedFault(null, null, null, null));
    }
}
