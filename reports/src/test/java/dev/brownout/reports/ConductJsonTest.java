package dev.brownout.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verdict's reason, the phase verdicts and the check levels and statuses in result.json. */
class ConductJsonTest {

    @Test
    void theReasonPhaseVerdictsLevelsAndStatusesAreWrittenWithTheirLabels() {
        ObjectNode conduct = (ObjectNode) SchemaValidation.tree(RunResultFixtures.full()).get("conduct");

        assertThat(conduct.path("reason").asText()).as("conduct.reason").isEqualTo(RunResultFixtures.REASON);
        assertThat(conduct.at("/phases/0/expected").asText()).as("a phase verdict's expected outcome").isEqualTo("answer");
        assertThat(conduct.at("/phases/0/verdict").asText()).as("a phase verdict's verdict").isEqualTo("fail");
        assertThat(conduct.at("/checks/1/level").asText()).as("an informational check's level").isEqualTo("informational");
        assertThat(conduct.at("/checks/2/status").asText()).as("a not applicable check's status").isEqualTo("n/a");
    }

    @Test
    void aResultWrittenBeforeReasonsPhasesLevelsAndStatusesIsStillRead() {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        ObjectNode conduct = (ObjectNode) json.get("conduct");
        conduct.remove("reason");
        conduct.remove("phases");
        ArrayNode checks = (ArrayNode) conduct.get("checks");
        checks.remove(2);
        checks.remove(1);
        ((ObjectNode) checks.get(0)).remove("level");
        ((ObjectNode) checks.get(0)).remove("status");

        Conduct read = RunResults.parse(json.toString(), "older result.json").conduct();

        assertThat(read.reason()).as("the reason of a result that recorded none").isNull();
        assertThat(read.phases()).as("the phase verdicts of a result that recorded none").isEmpty();
        assertThat(read.checks().getFirst())
                .as("a required check that failed, written before levels and statuses: both follow required and passed")
                .extracting(CheckResult::level, CheckResult::status)
                .containsExactly(CheckLevel.REQUIRED, CheckStatus.FAIL);
    }

    @Test
    void aCheckWhoseRequiredFlagContradictsItsLevelIsRefusedNamingBoth() {
        assertThatThrownBy(() -> new CheckResult("no_hang_past", true, "30s", "2s", true, "fine",
                CheckLevel.INFORMATIONAL, CheckStatus.PASS))
                .as("required true with level informational")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required is true").hasMessageContaining("informational");
    }

    @Test
    void aCheckThatPassedWithStatusFailIsRefused() {
        assertThatThrownBy(() -> new CheckResult("no_hang_past", true, "30s", "2s", true, "fine",
                CheckLevel.REQUIRED, CheckStatus.FAIL))
                .as("passed true with status fail")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passed is false exactly for status fail");
    }

    @Test
    void aNotApplicableCheckDidNotFailAndIsNotScored() {
        CheckResult check = CheckResult.notApplicable("claimed_model_matches", CheckLevel.REQUIRED, "true",
                "needs a fallback");

        assertThat(check.failed()).as("an n/a check failed").isFalse();
        assertThat(check.passed()).as("passed, which is false only for a failure").isTrue();
        assertThat(check.scored()).as("an n/a check counts towards the verdict").isFalse();
        assertThat(check.observed()).as("what an n/a check observed").isEqualTo("n/a");
    }

    @Test
    void anInformationalCheckIsNotScoredEvenWhenItFailed() {
        CheckResult check = new CheckResult("max_attempts_per_second", false, "10", "14", false, "busy")
                .atLevel(CheckLevel.INFORMATIONAL);

        assertThat(check.failed()).as("the informational check failed").isTrue();
        assertThat(check.scored()).as("an informational check counts towards the verdict").isFalse();
        assertThat(check.required()).as("required flag of an informational check").isFalse();
    }

    @Test
    void aBadCheckStatusInAFileNamesTheFieldAndTheKnownStatuses() {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        ((ObjectNode) json.at("/conduct/checks/0")).put("status", "skipped");

        assertThatThrownBy(() -> RunResults.parse(json.toString(), "result.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'conduct.checks[0].status'").hasMessageContaining("pass, fail, n/a");
    }
}
