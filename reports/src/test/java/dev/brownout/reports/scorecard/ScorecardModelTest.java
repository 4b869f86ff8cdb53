package dev.brownout.reports.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.brownout.reports.CheckLevel;
import dev.brownout.reports.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scorecard model on a hand-built scorecard: its totals, its JSON and schema, and its Markdown and HTML. */
class ScorecardModelTest {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ScorecardSchema.text(), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private static final CellEvidence EVIDENCE = new CellEvidence(Map.of("primary", 12L, "backup", 4L), 3L, 210.0,
            450.0, 2000.0, 1, 2, new FailingCheck("no_hang_past", CheckLevel.REQUIRED, "2s", "1s",
            "2 exchanges ran past 1s"), 0.5);

    private static Scorecard scorecard() {
        List<ScorecardCell> cells = List.of(
                new ScorecardCell("down", "naive", Verdict.SAFE, "clean errors while down", false, "runs/naive/down",
                        true, false, EVIDENCE),
                new ScorecardCell("down", "resilient", Verdict.PASS, "answered through the backup", true,
                        "runs/resilient/down", true, false, EVIDENCE),
                new ScorecardCell("hang", "naive", Verdict.FAIL, "required check no_hang_past failed", true,
                        "runs/naive/hang", true, false, EVIDENCE),
                new ScorecardCell("hang", "resilient", Verdict.PASS, "every check n/a", false, "runs/resilient/hang",
                        true, true, EVIDENCE),
                new ScorecardCell("refusal", "naive", null, "the SUT could not start", true, "runs/naive/refusal",
                        false, false, null),
                new ScorecardCell("refusal", "resilient", Verdict.PARTIAL, "routed round | a refusal", false,
                        "runs/resilient/refusal", true, false, EVIDENCE));
        return Scorecard.of("test-pack", Instant.parse("2026-12-03T10:00:00Z"), "development build", 0.5, 1,
                List.of("naive", "resilient"), List.of(new ScorecardScenario("down", "The primary is down.", "answer"),
                        new ScorecardScenario("hang", "The primary hangs.", "answer"),
                        new ScorecardScenario("refusal", "A refusal.", "error")), cells);
    }

    @Test
    void totalsCountEachSutsCellsByMarkAndItsRequiredFailures() {
        assertThat(scorecard().totals()).as("totals per SUT").containsExactly(
                new SutTotals("naive", 0, 0, 1, 1, 0, 1, 2),
                new SutTotals("resilient", 1, 1, 0, 0, 1, 0, 0));
    }

    @Test
    void aScorecardIsValidAgainstItsSchemaAndReadsBackEqual(@TempDir Path folder) throws IOException {
        Scorecard card = scorecard();
        Path file = folder.resolve(Scorecards.FILE_NAME);
        Scorecards.write(file, card);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(SCHEMA.validate(json)).extracting(ValidationMessage::getMessage).as("schema violations").isEmpty();
        assertThat(json.get("cells").get(0).has("run_folder")).as("snake_case fields").isTrue();
        assertThat(Scorecards.read(folder)).as("read back from its folder").isEqualTo(card);
    }

    @Test
    void theSchemaRefusesACellWithoutItsEvidence() throws IOException {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(Scorecards.toJson(scorecard()));
        ((ObjectNode) json.get("cells").get(0)).remove("evidence");

        assertThat(SCHEMA.validate(json)).extracting(ValidationMessage::getMessage).as("schema violations")
                .anySatisfy(message -> assertThat(message).contains("evidence"));
    }

    @Test
    void readingAFolderWithNoScorecardOrAnotherVersionSaysWhatIsWrong(@TempDir Path folder) throws IOException {
        assertThatThrownBy(() -> Scorecards.read(folder)).as("an empty folder")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("there is no scorecard at");
        Files.writeString(folder.resolve(Scorecards.FILE_NAME), "{\"schema_version\": \"9\"}");
        assertThatThrownBy(() -> Scorecards.read(folder)).as("another schema version")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema_version '9'");
    }

    @Test
    void theMarkdownTableMarksEachCellAndEveryCellThatDidNotPassHasItsReasonAndEvidence() {
        String md = ScorecardMarkdown.render(scorecard());

        assertThat(md).as("scorecard.md")
                .contains("| down | 🛡 safe | ✅ pass ★ |")
                .contains("| hang | ❌ fail ★ | ➖ n/a |")
                .contains("| refusal (expects an error) | ⛔ no verdict ★ (ended early) | 🟡 partial |")
                .contains("| naive | 0 | 0 | 1 | 1 | 0 | 1 | 2 |")
                .contains("### hang @ naive: ❌ fail ★\n\nrequired check no_hang_past failed\n\n"
                        + "- attempts: backup 4, primary 12\n- most attempts by one task: 3\n"
                        + "- time to the first retry: 210ms (median over retried tasks)\n"
                        + "- elapsed per task: median 450ms, max 2s\n- truncated successes: 1\n- hangs: 2\n"
                        + "- availability: 50%\n"
                        + "- first failing check: no_hang_past (required): observed 2s, limit 1s\n"
                        + "- run: [runs/naive/hang/report.html](runs/naive/hang/report.html)")
                .contains("routed round | a refusal")
                .doesNotContain("### down @ resilient");
    }

    @Test
    void theHtmlColoursEachCellAndEscapesWhatItShows() {
        String html = ScorecardHtml.render(scorecard());

        assertThat(html).as("scorecard.html")
                .contains("<td class=\"cell v-fail\" data-sut=\"naive\" title=\"required check no_hang_past failed\">")
                .contains("<td class=\"cell v-na\" data-sut=\"resilient\"")
                .contains("<td class=\"cell v-none\" data-sut=\"naive\"")
                .contains("<a href=\"runs/naive/hang/report.html\">run report</a>")
                .contains("<li>hangs: 2</li>")
                .contains("<tr data-sut=\"naive\"><th>naive</th><td>0</td><td>0</td><td>1</td><td>1</td><td>0</td>"
                        + "<td>1</td><td>2</td></tr>")
                .doesNotContain("<script");
    }
}
