package dev.brownout.assertj;

import dev.brownout.Brownout;
import dev.brownout.BrownoutRun;
import dev.brownout.Sut;
import dev.brownout.reports.gate.GateOutcome;
import dev.brownout.sut.SutReply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The assertions on a real measured run: a second and a half of the gated outage against an in-JVM SUT that answers
 * everything at once, with no baseline, so its IQ loss (and the scenario's iq_loss gate) cannot be judged.
 */
class BrownoutRunAssertionsTest {

    @TempDir
    static Path runs;
    static BrownoutRun run;

    @BeforeAll
    static void playOnce() {
        run = Brownout.scenario(Path.of("src/test/resources/run/gated-outage.yaml"))
                .against(Sut.inJvm("always-fine", endpoints -> request -> SutReply.ok("fine", "m")))
                .timeScale(0.5).warmup(Duration.ZERO).noBaseline().outputTo(runs).run();
    }

    @Test
    void aFailureOnARunEndsWithThePathOfItsHtmlReport() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(run).hasIqLossBelow(0.05)).as("IQ loss of a run without a baseline")
                .hasMessageContaining("it has no IQ loss: the run had no baseline")
                .hasMessageEndingWith("\nReport: " + run.reportHtml().toAbsolutePath());
        assertThat(run.reportHtml()).as("the report the message points to").isRegularFile();
    }

    @Test
    void figuresTheRunMeasuredPass() {
        assertThatCode(() -> BrownoutAssertions.assertThat(run).isCompleted().hasAvailabilityAtLeast(0.99)
                .hasNoSecurityFindings().phase("down").hasAvailabilityAtLeast(0.99))
                .as("a SUT answering everything at once, over the whole run and in the down phase")
                .doesNotThrowAnyException();
    }

    @Test
    void passesGatesAgreesWithHowTheRunWasJudged() {
        AssertionError failure = catchThrowableOfType(AssertionError.class,
                () -> BrownoutAssertions.assertThat(run).passesGates());

        assertThat(failure == null).as("passesGates() passed; the run's own judgement: %s", run.gates()).isEqualTo(run.passed());
        List<String> failedGates = run.gates().failures().stream().map(GateOutcome::message).toList();
        assertThat(failedGates).as("the gates the run failed: iq_loss cannot be judged without a baseline").isNotEmpty();
        assertThat(failure).as("the assertion's failure").isNotNull();
        assertThat(failure.getMessage()).as("the failure quotes every gate the run failed").contains(failedGates);
    }

    @Test
    void softAssertionsOnARunPointEveryFailureToItsReport() {
        BrownoutSoftAssertions softly = new BrownoutSoftAssertions();

        softly.assertThat(run).hasIqLossUpperBoundBelow(0.05).passesGate("availability >= 100%").passesGates();

        assertThat(softly.errorsCollected()).as("no IQ loss, and the scenario's iq_loss gate; availability held")
                .hasSize(2).allSatisfy(error -> assertThat(error.getMessage())
                        .contains("\nReport: " + run.reportHtml().toAbsolutePath()));
    }
}
