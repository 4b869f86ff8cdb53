package dev.brownout.reports.scorecard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every scenario of a pack played against every system under test: one cell per scenario and SUT, in the
 * pack's scenario order, SUT by SUT as they were given. Written as {@code scorecard.json}.
 *
 * @param schemaVersion   always {@link #SCHEMA_VERSION}
 * @param pack            the pack as it was named: a shipped pack, a folder or a single scenario
 * @param created         when the scorecard was made (or last rescored)
 * @param brownoutVersion the Brownout that judged the cells
 * @param timeScale       the clock every cell was played on
 * @param loadScale       the share of each scenario's load sent
 * @param suts            the systems under test, by the name their runs gave them, in the order given
 * @param scenarios       the pack's scenarios, in order
 * @param cells           one per scenario and SUT: scenario by scenario, SUT by SUT
 * @param totals          per SUT, in the order of {@code suts}
 */
public record Scorecard(String schemaVersion, String pack, Instant created, String brownoutVersion, double timeScale,
                        double loadScale, List<String> suts, List<ScorecardScenario> scenarios,
                        List<ScorecardCell> cells, List<SutTotals> totals) {

    /** The version of {@code scorecard.json} this model reads and writes. */
    public static final String SCHEMA_VERSION = "1";

    public Scorecard {
        Objects.requireNonNull(pack, "a scorecard names its pack");
        suts = List.copyOf(suts);
        scenarios = List.copyOf(scenarios);
        cells = List.copyOf(cells);
        totals = List.copyOf(totals);
    }

    /**
     * A scorecard of {@code cells}, its totals counted from them.
     *
     * @param suts the SUTs in the order given; the totals follow it
     */
    public static Scorecard of(String pack, Instant created, String brownoutVersion, double timeScale,
                               double loadScale, List<String> suts, List<ScorecardScenario> scenarios,
                               List<ScorecardCell> cells) {
        List<SutTotals> totals = new ArrayList<>();
        for (String sut : suts) {
            totals.add(SutTotals.of(sut, cells.stream().filter(cell -> cell.sut().equals(sut)).toList()));
        }
        return new Scorecard(SCHEMA_VERSION, pack, created, brownoutVersion, timeScale, loadScale, suts, scenarios,
                cells, totals);
    }

    /** The cell of {@code scenario} against {@code sut}. */
    public Optional<ScorecardCell> cell(String scenario, String sut) {
        return cells.stream().filter(c -> c.scenario().equals(scenario) && c.sut().equals(sut)).findFirst();
    }

    /** Whether a required cell failed or has no verdict: what {@code brownout scorecard} exits 1 for. */
    public boolean requiredFailed() {
        return cells.stream().anyMatch(ScorecardCell::requiredFailure);
    }

    /** Whether some cell's run ended early (or never started): what {@code brownout scorecard} exits 3 for. */
    public boolean anyIncomplete() {
        return cells.stream().anyMatch(cell -> !cell.completed());
    }
}
