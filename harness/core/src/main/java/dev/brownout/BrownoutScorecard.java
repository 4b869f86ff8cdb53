package dev.brownout;

import dev.brownout.reports.Verdict;
import dev.brownout.reports.scorecard.Scorecard;
import dev.brownout.reports.scorecard.Scorecards;

import java.nio.file.Path;
import java.util.List;

/**
 * A scorecard that has been played ({@link ScorecardBuilder#run()}) or rescored ({@link Brownout#rescore}): its
 * folder, the {@link Scorecard} as written to {@code scorecard.json}, the renderings beside it, and, after a
 * rescore, the cells whose verdict changed.
 */
public final class BrownoutScorecard {

    /**
     * A cell whose verdict a rescore changed.
     *
     * @param before the verdict the scorecard held (null: none)
     * @param after  the verdict the current rules give (null: none)
     * @param reason why the current rules give it
     */
    public record Change(String scenario, String sut, Verdict before, Verdict after, String reason) {

        /** {@code scenario @ sut: fail → safe}. */
        @Override
        public String toString() {
            return scenario + " @ " + sut + ": " + label(before) + " → " + label(after);
        }

        private static String label(Verdict verdict) {
            return verdict == null ? "no verdict" : verdict.label();
        }
    }

    private final Path folder;
    private final Scorecard scorecard;
    private final List<Change> changes;
    private final List<String> warnings;

    BrownoutScorecard(Path folder, Scorecard scorecard, List<Change> changes, List<String> warnings) {
        this.folder = folder;
        this.scorecard = scorecard;
        this.changes = List.copyOf(changes);
        this.warnings = List.copyOf(warnings);
    }

    /** The scorecard's folder: the three scorecard files and {@code runs/<sut>/<scenario>/} for each cell. */
    public Path folder() {
        return folder;
    }

    /** The scorecard as written. */
    public Scorecard scorecard() {
        return scorecard;
    }

    /** {@code scorecard.json}. */
    public Path json() {
        return folder.resolve(Scorecards.FILE_NAME);
    }

    /** {@code scorecard.md}. */
    public Path markdown() {
        return folder.resolve(Scorecards.MARKDOWN_FILE);
    }

    /** The self-contained {@code scorecard.html}. */
    public Path html() {
        return folder.resolve(Scorecards.HTML_FILE);
    }

    /** After a rescore, the cells whose verdict changed, in scorecard order; empty for a scorecard just played. */
    public List<Change> changes() {
        return changes;
    }

    /** After a rescore, the cells kept as they were because their run folder could not be judged again, and why. */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether no required cell failed or has no verdict. */
    public boolean passed() {
        return !scorecard.requiredFailed();
    }

    @Override
    public String toString() {
        return "scorecard of " + scorecard.pack() + " against " + String.join(", ", scorecard.suts()) + " in " + folder;
    }
}
