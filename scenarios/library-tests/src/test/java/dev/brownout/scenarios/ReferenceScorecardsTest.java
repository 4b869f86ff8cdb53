package dev.brownout.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.brownout.Brownout;
import dev.brownout.BrownoutScorecard;
import dev.brownout.Sut;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.Verdict;
import dev.brownout.reports.scorecard.Scorecard;
import dev.brownout.reports.scorecard.ScorecardCell;
import dev.brownout.reports.scorecard.ScorecardSchema;
import dev.brownout.reports.scorecard.SutTotals;
import dev.brownout.scenario.ScenarioLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.brownout.reports.Verdict.FAIL;
import static dev.brownout.reports.Verdict.PASS;
import static dev.brownout.reports.Verdict.SAFE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped failover and OAuth packs played as {@code brownout scorecard} plays them, against both reference
 * gateways, and every cell held to the verdict a hand reading of the gateway's code gives, with the check or rule
 * that decides each non-pass. The published scorecards in docs/scorecards.md are the same packs at time scale 1.
 *
 * <p>Played at a quarter of real time: a cell's 8 s task budget is then 2 s of real time, which a loaded 2-core
 * machine's pauses do not eat (at 0.1 they did: docs/scenarios.md#packs). Both gateways' columns play together.
 */
class ReferenceScorecardsTest {

    private static final double TIME_SCALE = 0.25;
    private static final String NAIVE = "reference-naive";
    private static final String RESILIENT = "reference-resilient";

    /** What each gateway must get, and a phrase its reason must hold when that is not a pass. */
    private record Expected(Verdict naive, String naiveBecause, Verdict resilient, String resilientBecause) {
    }

    private static Expected both(Verdict verdict, String because) {
        return new Expected(verdict, because, verdict, because);
    }

    private static Expected naive(Verdict verdict, String because) {
        return new Expected(verdict, because, PASS, null);
    }

    private static final String CLEAN = "ended in a clean error";
    private static final String HANG = "no_hang_past";
    private static final String TRUNCATED = "no_truncated_success";

    /**
     * Why: the naive gateway forwards to the primary only, once, and passes on whatever comes back, so every fault
     * that a second provider or a retry would get round leaves it answering less, but with clean errors (safe). It
     * has no timeout of its own, so a silent primary or a held-back first token hangs its caller past the 8 s
     * budget (fail), and it relays a broken upstream stream as a clean end (a truncated success: fail). The
     * resilient gateway retries and fails over, so it passes those; but its attempt and first-byte timeouts (30 s,
     * 10 s) are longer than the budget, and once a stream is committed it also ends its caller's stream cleanly when
     * the upstream breaks. Refusals (400) go back unretried from both, which is the right outcome.
     */
    private static final Map<String, Expected> FAILOVER = Map.ofEntries(
            Map.entry("failover/content-policy-refusal", both(PASS, null)),
            Map.entry("failover/context-length-exceeded", both(PASS, null)),
            Map.entry("failover/failover-accounting", naive(SAFE, CLEAN)),
            Map.entry("failover/malformed-chunk", both(PASS, null)),
            Map.entry("failover/missing-done", both(PASS, null)),
            Map.entry("failover/prefill-rejected", both(FAIL, TRUNCATED)),
            Map.entry("failover/primary-flaps", naive(SAFE, CLEAN)),
            Map.entry("failover/rate-limited-once", naive(SAFE, CLEAN)),
            Map.entry("failover/rate-limited-persistent", naive(SAFE, CLEAN)),
            Map.entry("failover/reset-once", naive(SAFE, CLEAN)),
            Map.entry("failover/server-error-once", naive(SAFE, CLEAN)),
            Map.entry("failover/silent-primary", both(FAIL, HANG)),
            Map.entry("failover/slow-first-token", both(FAIL, HANG)),
            Map.entry("failover/stall-then-close", both(FAIL, TRUNCATED)),
            Map.entry("failover/stream-cut", both(FAIL, TRUNCATED)),
            Map.entry("failover/unavailable-persistent", naive(SAFE, CLEAN)));

    /**
     * Why: the primary takes OAuth tokens, the backup an API key. Where the identity provider cannot issue a token
     * the naive gateway's calls are refused at once (safe) and the resilient one fails over to the backup (pass).
     * Both refresh once however many agents wait, and fall back to client credentials when a refresh is refused. A
     * skewed clock makes fresh tokens not yet valid: the resilient gateway's second 401 goes to its caller rather
     * than to the backup (safe); the naive one keeps such a token past the fault, so the probe after the run is
     * refused (fail), as it is after the key rotation, whose token the restored key no longer verifies.
     */
    private static final Map<String, Expected> OAUTH = Map.ofEntries(
            Map.entry("oauth/clock-skew", new Expected(FAIL, "alive_after", SAFE, CLEAN)),
            Map.entry("oauth/idp-down-api-key-fallback", naive(SAFE, CLEAN)),
            Map.entry("oauth/jwks-down-key-rotated", naive(FAIL, "alive_after")),
            Map.entry("oauth/refresh-always-fails", both(PASS, null)),
            Map.entry("oauth/refresh-under-concurrency", both(PASS, null)),
            Map.entry("oauth/token-endpoint-failing", naive(SAFE, CLEAN)),
            Map.entry("oauth/token-endpoint-throttled", naive(SAFE, CLEAN)),
            Map.entry("oauth/tokens-revoked", naive(SAFE, CLEAN)));

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ScorecardSchema.text(), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private static Path out;
    private static final Map<String, BrownoutScorecard> PLAYED = new LinkedHashMap<>();

    @BeforeAll
    static void playBothPacks() throws IOException {
        out = Files.createTempDirectory("reference-scorecards");
        for (String pack : List.of("failover", "oauth")) {
            PLAYED.put(pack, Brownout.scorecard(pack)
                    .against(Sut.reference("naive"), Sut.reference("resilient"))
                    .timeScale(TIME_SCALE)
                    .parallelism(2)
                    .outputTo(out.resolve(pack))
                    .run());
        }
    }

    @AfterAll
    static void removeRuns() throws IOException {
        if (out != null) {
            try (Stream<Path> files = Files.walk(out)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    static Stream<String> packScenarios() {
        return Stream.concat(ScenarioLibrary.pack("failover").stream(), ScenarioLibrary.pack("oauth").stream());
    }

    private static Expected expected(String scenario) {
        return scenario.startsWith("failover/") ? FAILOVER.get(scenario) : OAUTH.get(scenario);
    }

    private static Scorecard card(String scenario) {
        return PLAYED.get(scenario.substring(0, scenario.indexOf('/'))).scorecard();
    }

    @Test
    void everyShippedPackScenarioHasAnExpectedVerdictForEachGateway() {
        assertThat(ScenarioLibrary.pack("failover")).as("failover scenarios with an expectation here")
                .containsExactlyInAnyOrderElementsOf(FAILOVER.keySet());
        assertThat(ScenarioLibrary.pack("oauth")).as("oauth scenarios with an expectation here")
                .containsExactlyInAnyOrderElementsOf(OAUTH.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packScenarios")
    void eachGatewayGetsItsExpectedVerdictForTheRightReason(String scenario) {
        Expected expected = expected(scenario);
        check(card(scenario), scenario, NAIVE, expected.naive(), expected.naiveBecause());
        check(card(scenario), scenario, RESILIENT, expected.resilient(), expected.resilientBecause());
    }

    private static void check(Scorecard card, String scenario, String sut, Verdict verdict, String because) {
        ScorecardCell cell = card.cell(scenario, sut).orElseThrow(() -> new AssertionError(
                "the scorecard of " + card.pack() + " has no cell " + scenario + " @ " + sut + "; cells: "
                        + card.cells().stream().map(c -> c.scenario() + " @ " + c.sut()).toList()));
        String seen = "%s @ %s came out %s because: %s; evidence %s; run folder %s".formatted(scenario, sut,
                cell.mark(), cell.reason(), cell.evidence(), cell.runFolder());
        assertThat(cell.completed()).as("the run played to its end: " + seen).isTrue();
        assertThat(cell.verdict()).as(seen).isEqualTo(verdict);
        assertThat(cell.reason()).as("the reason a stranger reads: " + seen).isNotBlank();
        if (verdict != PASS) {
            assertThat(cell.reason()).as("the rule or check that decided it: " + seen).contains(because);
        }
    }

    @Test
    void eachGatewaysTotalsCountItsCells() {
        for (BrownoutScorecard played : PLAYED.values()) {
            Scorecard card = played.scorecard();
            Map<String, Expected> expectations = "failover".equals(card.pack()) ? FAILOVER : OAUTH;
            for (SutTotals totals : card.totals()) {
                List<Verdict> verdicts = new ArrayList<>();
                expectations.values().forEach(e -> verdicts.add(NAIVE.equals(totals.sut()) ? e.naive() : e.resilient()));
                assertThat(List.of(totals.pass(), totals.safe(), totals.fail(), totals.partial(), totals.noVerdict()))
                        .as("pass, safe, fail, partial and no-verdict cells of %s in the %s pack", totals.sut(), card.pack())
                        .containsExactly(count(verdicts, PASS), count(verdicts, SAFE), count(verdicts, FAIL), 0, 0);
            }
        }
    }

    private static int count(List<Verdict> verdicts, Verdict verdict) {
        return (int) verdicts.stream().filter(verdict::equals).count();
    }

    @Test
    void theNaiveGatewayIsMostlySafeOrBetterAndTheResilientOneMostlyPasses() {
        List<ScorecardCell> cells = PLAYED.values().stream().flatMap(p -> p.scorecard().cells().stream()).toList();
        long naivePassOrSafe = cells.stream().filter(c -> NAIVE.equals(c.sut()))
                .filter(c -> c.verdict() == PASS || c.verdict() == SAFE).count();
        long resilientPass = cells.stream().filter(c -> RESILIENT.equals(c.sut())).filter(c -> c.verdict() == PASS).count();

        assertThat(naivePassOrSafe).as("naive cells that passed or failed safely, of %d", cells.size() / 2)
                .isGreaterThan(cells.size() / 4);
        assertThat(resilientPass).as("resilient cells that passed, of %d", cells.size() / 2)
                .isGreaterThan(cells.size() / 4);
    }

    @Test
    void eachWrittenScorecardValidatesAgainstItsSchemaAndLinksEveryCellsRun() throws IOException {
        for (BrownoutScorecard played : PLAYED.values()) {
            JsonNode json = RunResults.mapper().readTree(played.json().toFile());
            assertThat(SCHEMA.validate(json)).extracting(ValidationMessage::getMessage)
                    .as("%s checked against the published scorecard schema", played.json()).isEmpty();
            for (ScorecardCell cell : played.scorecard().cells()) {
                assertThat(played.folder().resolve(cell.runFolder()).resolve(RunResults.FILE_NAME))
                        .as("the run of %s @ %s", cell.scenario(), cell.sut()).isRegularFile();
            }
            assertThat(Files.readString(played.markdown())).as("scorecard.md of the %s pack", played.scorecard().pack())
                    .contains(played.scorecard().cells().stream().map(ScorecardCell::scenario).distinct().toList()
                            .toArray(String[]::new));
        }
    }
}
