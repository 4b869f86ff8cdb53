package dev.brownout.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static dev.brownout.reports.SchemaValidation.messages;
import static dev.brownout.reports.SchemaValidation.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** Goodput in result.json: valid against the schema, read back whole, and absent from results written before it. */
class GoodputResultTest {

    @Test
    void aResultWithGoodputForTheRunAndEveryPhaseIsValid() {
        assertThat(messages(tree(RunResultFixtures.closedModel()))).as("schema messages for the closed-model fixture")
                .isEmpty();
    }

    @Test
    void goodputIsWrittenWithItsUnsentBaselineTasksAndReadBackEqual() {
        RunResult closed = RunResultFixtures.closedModel();
        ObjectNode json = tree(closed);

        assertThat(json.path("quality").path("goodput").path("unsent_baseline_tasks").asLong())
                .as("quality.goodput.unsent_baseline_tasks").isEqualTo(120);
        assertThat(json.path("phases").path(1).path("goodput").path("loss").path("value").asDouble())
                .as("phases[1].goodput.loss.value").isEqualTo(0.625);
        assertThat(RunResults.parse(RunResults.toJson(closed), "closed")).as("read back").isEqualTo(closed);
    }

    @Test
    void aGoodputLossThatIsNotANumberIsRefusedByTheSchema() {
        ObjectNode json = tree(RunResultFixtures.closedModel());
        ((ObjectNode) json.path("quality").path("goodput").path("loss")).put("value", "56%");

        assertThat(messages(json)).as("schema messages").anySatisfy(message ->
                assertThat(message).contains("/quality/goodput/loss/value"));
    }

    @Test
    void aResultWrittenBeforeGoodputWasMeasuredReadsWithoutIt() {
        ObjectNode json = tree(RunResultFixtures.full());
        ((ObjectNode) json.path("quality")).remove("goodput");
        json.withArray("phases").forEach(phase -> ((ObjectNode) phase).remove("goodput"));

        RunResult read = RunResults.parse(json.toString(), "older.json");

        assertThat(read.quality().goodput()).as("the run's goodput of an older result").isNull();
        assertThat(read.phases()).as("its phases' goodput").allSatisfy(phase -> assertThat(phase.goodput()).isNull());
        assertThat(read.quality().iqLoss()).as("everything else as written").isEqualTo(RunResultFixtures.full().quality().iqLoss());
    }
}
