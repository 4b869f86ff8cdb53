package dev.brownout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.brownout.reports.CheckLevel;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.Verdict;
import dev.brownout.reports.scorecard.Scorecard;
import dev.brownout.reports.scorecard.ScorecardCell;
import dev.brownout.reports.scorecard.ScorecardSchema;
import dev.brownout.reports.scorecard.ScorecardScenario;
import dev.brownout.reports.scorecard.Scorecards;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code brownout scorecard}: the test pack (a primary that goes down, one that hangs, a refusal that must reach
 * the caller) played once against both reference gateways, two runs at a time, then judged, rendered and
 * rescored; and the command's bad input.
 */
class ScorecardCommandTest {

    private static final String PACK = "src/test/resources/scorecard/pack";
    private static final String NAIVE = "reference-naive";
    private static final String RESILIENT = "reference-resilient";
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ScorecardSchema.text(), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    @TempDir
    static Path shared;

    static Path played;
    static Outcome play;

    @TempDir
    Path own;

    record Outcome(int status, String out, String err) {
    }

    static Outcome brownout(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new BrownoutCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void playTheTestPackAgainstBothReferenceGateways() {
        played = shared.resolve("card");
        play = brownout("scorecard", PACK, "--sut", "reference:naive", "--sut", "reference:resilient",
                "--parallel", "2", "--time-scale", "0.5", "--out", played.toString());
    }

    private static Scorecard scorecard(Path folder) {
        return Scorecards.read(folder);
    }

    private static ScorecardCell cell(Scorecard card, String scenario, String sut) {
        return card.cell(scenario, sut).orElseThrow(() -> new AssertionError("no cell " + scenario + " @ " + sut));
    }

    /** A copy of the played scorecard, for a test that rescores or tampers with it. */
    private Path copyOfPlayed() throws IOException {
        Path copy = own.resolve("card");
        try (Stream<Path> files = Files.walk(played)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(played.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    @Test
    void aScorecardWithNoRequiredCellExitsZeroPrintingALinePerCellAndTheTable() {
        assertThat(play.status()).as("exit status; stderr: " + play.err()).isZero();
        assertThat(play.out().lines().filter(line -> line.contains(" @ reference-"))).as("one line per finished cell")
                .hasSize(6);
        assertThat(play.out()).as("the table at the end")
                .contains("scenario         reference-naive  reference-resilient")
                .contains("scorecard: " + played.resolve("scorecard.html"));
    }

    @Test
    void cellsFollowThePacksFileOrderThenTheSutsInTheOrderGiven() {
        Scorecard card = scorecard(played);

        assertThat(card.scenarios()).extracting(ScorecardScenario::name).as("scenarios sorted by file name")
                .containsExactly("a-primary-down", "b-primary-hangs", "c-refusal");
        assertThat(card.suts()).as("SUT columns").containsExactly(NAIVE, RESILIENT);
        assertThat(card.cells()).extracting(c -> c.scenario() + "@" + c.sut()).as("cells, scenario by scenario")
                .containsExactly("a-primary-down@" + NAIVE, "a-primary-down@" + RESILIENT, "b-primary-hangs@" + NAIVE,
                        "b-primary-hangs@" + RESILIENT, "c-refusal@" + NAIVE, "c-refusal@" + RESILIENT);
        assertThat(card.scenarios().get(2).expectedOutcome()).as("the refusal declares an error is right")
                .isEqualTo("error");
        assertThat(card.scenarios().get(0).summary()).as("the description's first sentence")
                .isEqualTo("The scorecard's own test of a fail-over: the primary's proxy is down for the middle second, "
                        + "the backup is healthy.");
    }

    @Test
    void theReferenceGatewaysAreJudgedAsTheirDesignsPredict() {
        Scorecard card = scorecard(played);

        assertThat(cell(card, "a-primary-down", NAIVE).verdict()).as("naive, no fallback: clean errors while down")
                .isEqualTo(Verdict.SAFE);
        assertThat(cell(card, "a-primary-down", RESILIENT).verdict()).as("resilient: answers through the backup")
                .isEqualTo(Verdict.PASS);
        assertThat(cell(card, "b-primary-hangs", NAIVE).verdict()).as("naive: waits for the hanging primary")
                .isEqualTo(Verdict.FAIL);
        assertThat(cell(card, "c-refusal", NAIVE).verdict()).as("naive: the refusal reaches the caller")
                .isEqualTo(Verdict.PASS);
        assertThat(card.cells()).as("every cell carries the reason of its verdict")
                .allSatisfy(c -> assertThat(c.reason()).as(c.scenario() + " @ " + c.sut()).isNotBlank());
    }

    @Test
    void eachCellsRunFolderIsUnderRunsSutScenarioAndKeepsWhatARunKeeps() {
        ScorecardCell cell = cell(scorecard(played), "b-primary-hangs", NAIVE);

        assertThat(cell.runFolder()).as("relative run folder").isEqualTo("runs/reference-naive/b-primary-hangs");
        Path folder = played.resolve(cell.runFolder());
        assertThat(List.of("result.json", "report.html", "summary.md", "exchanges.jsonl", "ledger-primary.jsonl",
                "connections.jsonl", "scenario.yaml", "summary.json", "judgement.json"))
                .as("files in " + folder).allSatisfy(name -> assertThat(folder.resolve(name)).exists());
        assertThat(RunResults.read(folder.resolve("result.json")).conduct().verdict())
                .as("the run's own result agrees with its cell").isEqualTo(cell.verdict());
    }

    @Test
    void theWrittenScorecardJsonIsValidAgainstItsSchema() throws IOException {
        JsonNode json = new ObjectMapper().readTree(played.resolve("scorecard.json").toFile());

        assertThat(SCHEMA.validate(json)).extracting(ValidationMessage::getMessage).as("schema violations").isEmpty();
    }

    @Test
    void aCellsEvidenceAgreesWithItsRunsResult() {
        ScorecardCell cell = cell(scorecard(played), "b-primary-hangs", NAIVE);
        RunResult result = RunResults.read(played.resolve(cell.runFolder()).resolve("result.json"));

        assertThat(cell.evidence().availability()).as("availability").isEqualTo(result.summary().availability());
        assertThat(cell.evidence().truncatedSuccesses()).as("truncated successes").isEqualTo(result.summary().truncated());
        assertThat(cell.evidence().hangs()).as("exchanges past the 500 ms bound (1 s at time scale 0.5)")
                .isPositive();
        assertThat(cell.evidence().firstFailingCheck()).as("the check that failed the cell").isNotNull()
                .satisfies(check -> {
                    assertThat(check.name()).as("name").isEqualTo("no_hang_past");
                    assertThat(check.level()).as("level").isEqualTo(CheckLevel.REQUIRED);
                    assertThat(check.limit()).as("limit, on the played clock").isEqualTo("500ms");
                });
        assertThat(cell.evidence().attempts()).as("the naive gateway calls only the primary")
                .containsOnlyKeys("primary");
        assertThat(cell(scorecard(played), "a-primary-down", RESILIENT).evidence().attempts())
                .as("the resilient gateway reached the backup while the primary was down").containsKey("backup");
    }

    @Test
    void theMarkdownHasTheTableTheTotalsAndTheEvidenceOfEveryCellThatDidNotPass() throws IOException {
        Scorecard card = scorecard(played);
        String md = Files.readString(played.resolve("scorecard.md"));

        assertThat(md).as("scorecard.md")
                .contains("| Scenario | reference-naive | reference-resilient |")
                .contains("| a-primary-down | 🛡 safe | ✅ pass |")
                .contains("| c-refusal (expects an error) |")
                .contains("| SUT | pass | partial | safe | fail | n/a | no verdict | required failures |");
        for (ScorecardCell cell : card.cells()) {
            String heading = "### " + cell.scenario() + " @ " + cell.sut() + ": ";
            if (cell.verdict() == Verdict.PASS) {
                assertThat(md).as("a pass has no section").doesNotContain(heading);
            } else {
                String section = md.substring(md.indexOf(heading));
                assertThat(section).as("section of " + heading).contains(cell.reason()).contains("- attempts: ")
                        .contains("- first failing check: ").contains("(" + cell.runFolder() + "/report.html)");
            }
        }
    }

    @Test
    void theHtmlColoursEachCellByItsVerdictLinksItsReportAndFetchesNothing() throws IOException {
        String html = Files.readString(played.resolve("scorecard.html"));
        String row = html.substring(html.indexOf("<tr data-scenario=\"a-primary-down\">"));
        row = row.substring(0, row.indexOf("</tr>"));

        assertThat(row).as("the a-primary-down row")
                .contains("class=\"cell v-safe\" data-sut=\"reference-naive\"")
                .contains("class=\"cell v-pass\" data-sut=\"reference-resilient\"")
                .contains("href=\"runs/reference-naive/a-primary-down/report.html\"")
                .contains("<li>attempts: primary ");
        assertThat(html).as("self-contained: no script, stylesheet or image from elsewhere")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=\"http");
    }

    @Test
    void theHtmlOpensInAHeadlessBrowserWithEveryCellInItsTable() throws Exception {
        Path chromium = onPath("chromium");
        assumeTrue(chromium != null, "no chromium on the PATH; the browser check is skipped (apt-get install chromium)");
        Scorecard card = scorecard(played);

        String dom = chromiumDom(chromium, played.resolve("scorecard.html"));

        assertThat(dom).as("the page as the browser built it").contains("<table id=\"scorecard\">");
        for (ScorecardCell cell : card.cells()) {
            String row = dom.substring(dom.indexOf("<tr data-scenario=\"" + cell.scenario() + "\">"));
            row = row.substring(0, row.indexOf("</tr>"));
            assertThat(row).as("the row of " + cell.scenario() + ", as parsed")
                    .contains("data-sut=\"" + cell.sut() + "\"")
                    .contains(" " + htmlText(cell.mark()) + "</summary>");
        }
    }

    private static String htmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String chromiumDom(Path chromium, Path page) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless=new", "--disable-gpu",
                "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
                "--dump-dom", page.toUri().toString()));
        Path out = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        return Files.readString(out);
    }

    private static Path onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void rescoringAnUnchangedScorecardGivesTheSameCells() throws IOException {
        Path copy = copyOfPlayed();
        Scorecard before = scorecard(copy);

        Outcome rescore = brownout("scorecard", "--rescore", copy.toString());

        assertThat(rescore.status()).as("exit status; stderr: " + rescore.err()).isZero();
        assertThat(rescore.out()).as("stdout").contains("no verdict changed under the current rules");
        assertThat(scorecard(copy).cells()).extracting(c -> c.scenario() + "@" + c.sut() + " " + c.verdict() + ": "
                        + c.reason())
                .as("cells after the rescore").containsExactlyElementsOf(before.cells().stream()
                        .map(c -> c.scenario() + "@" + c.sut() + " " + c.verdict() + ": " + c.reason()).toList());
    }

    @Test
    void aTamperedStoredVerdictComesBackAsTheCurrentRulesJudgeIt() throws IOException {
        Path copy = copyOfPlayed();
        ObjectMapper json = new ObjectMapper();
        ObjectNode card = (ObjectNode) json.readTree(copy.resolve("scorecard.json").toFile());
        ((ObjectNode) card.get("cells").get(2)).put("verdict", "pass"); // b-primary-hangs @ reference-naive
        json.writeValue(copy.resolve("scorecard.json").toFile(), card);
        Path result = copy.resolve("runs/reference-naive/b-primary-hangs/result.json");
        ObjectNode stored = (ObjectNode) json.readTree(result.toFile());
        ((ObjectNode) stored.get("conduct")).put("verdict", "pass").put("reason", "judged under an older rule");
        json.writeValue(result.toFile(), stored);

        Outcome rescore = brownout("scorecard", "--rescore", copy.toString());

        assertThat(rescore.out()).as("stdout")
                .contains("changed: b-primary-hangs @ reference-naive: pass → fail");
        assertThat(cell(scorecard(copy), "b-primary-hangs", NAIVE).verdict()).as("the rescored cell")
                .isEqualTo(Verdict.FAIL);
        assertThat(RunResults.read(result).conduct().verdict()).as("the run's rewritten result.json")
                .isEqualTo(Verdict.FAIL);
        assertThat(RunResults.read(result).conduct().reason()).as("its reason").startsWith("required check no_hang_past");
    }

    @Test
    void aRequiredCellThatFailsMakesTheCommandExitOne() throws IOException {
        Path copy = copyOfPlayed();

        Outcome rescore = brownout("scorecard", "--rescore", copy.toString(), "--require", "b-primary-hangs@" + NAIVE);

        assertThat(rescore.status()).as("exit status; stderr: " + rescore.err()).isEqualTo(1);
        assertThat(scorecard(copy).totals().getFirst().requiredFailures()).as("naive's required failures").isEqualTo(1);
        assertThat(brownout("scorecard", "--rescore", copy.toString(), "--require", "c-refusal").status())
                .as("requiring only the refusal, which both pass").isZero();
    }

    @Test
    void aFolderThatIsNotAScorecardIsBadInput() {
        Outcome rescore = brownout("scorecard", "--rescore", own.toString());

        assertThat(rescore.status()).as("exit status").isEqualTo(2);
        assertThat(rescore.err()).as("stderr").contains("there is no scorecard at " + own.resolve("scorecard.json"))
                .doesNotContain("Exception");
    }

    @Test
    void anUnknownPackIsBadInputNamingTheShippedPacks() {
        Outcome outcome = brownout("scorecard", "no-such-pack", "--sut", "reference:naive");

        assertThat(outcome.status()).as("exit status").isEqualTo(2);
        assertThat(outcome.err()).as("stderr").contains("'no-such-pack' is neither a shipped pack")
                .contains("the shipped packs are");
    }

    @Test
    void aScorecardWithoutASutIsBadInput() {
        Outcome outcome = brownout("scorecard", PACK);

        assertThat(outcome.status()).as("exit status").isEqualTo(2);
        assertThat(outcome.err()).as("stderr").contains("name at least one system under test with --sut");
    }

    @Test
    void aRequirePatternNamingNoScenarioIsBadInputBeforeAnythingPlays() {
        Path out = own.resolve("never");

        Outcome outcome = brownout("scorecard", PACK, "--sut", "reference:naive", "--require", "no-such-scenario",
                "--out", out.toString());

        assertThat(outcome.status()).as("exit status").isEqualTo(2);
        assertThat(outcome.err()).as("stderr").contains("--require 'no-such-scenario' names no scenario")
                .contains("a-primary-down, b-primary-hangs, c-refusal");
        assertThat(out.resolve("runs")).as("nothing played").doesNotExist();
        assertThat(brownout("scorecard", PACK, "--sut", "reference:naive", "--require", "*@reference:resilient")
                .err()).as("a SUT that is not a column").contains("names no SUT of this scorecard");
    }

    @Test
    void aCellWhoseRunNeverStartedHasNoVerdictAndTheCommandExitsThree() {
        Path out = own.resolve("card");

        Outcome outcome = brownout("scorecard", PACK + "/c-refusal.yaml", "--sut", "src/test/resources/scorecard/missing-gateway.yaml",
                "--time-scale", "0.5", "--out", out.toString());

        assertThat(outcome.status()).as("exit status; stderr: " + outcome.err()).isEqualTo(3);
        ScorecardCell cell = scorecard(out).cells().getFirst();
        assertThat(cell.verdict()).as("verdict").isNull();
        assertThat(cell.completed()).as("completed").isFalse();
        assertThat(cell.reason()).as("reason").contains("/nonexistent/brownout-test/gateway");
        assertThat(scorecard(out).totals().getFirst().noVerdict()).as("no-verdict total").isEqualTo(1);
    }
}
