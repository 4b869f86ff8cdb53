package dev.brownout.reports.scorecard;

import java.util.List;

/**
 * {@code scorecard.md}: the scenarios × SUTs table of verdicts with markers, the totals per SUT, then for every
 * cell that did not pass its reason and evidence, for a pull request or a CI step summary.
 */
public final class ScorecardMarkdown {

    private ScorecardMarkdown() {
    }

    /** The scorecard as Markdown. */
    public static String render(Scorecard scorecard) {
        StringBuilder md = new StringBuilder();
        md.append("# Scorecard: ").append(scorecard.pack()).append("\n\n");
        md.append("Played at time scale ").append(scorecard.timeScale()).append(", load scale ")
                .append(scorecard.loadScale()).append("; judged ").append(scorecard.created()).append(" by Brownout ")
                .append(scorecard.brownoutVersion()).append(".\n\n");
        md.append("| Scenario |");
        scorecard.suts().forEach(sut -> md.append(' ').append(cellText(sut)).append(" |"));
        md.append("\n|---|");
        scorecard.suts().forEach(sut -> md.append("---|"));
        md.append('\n');
        for (ScorecardScenario scenario : scorecard.scenarios()) {
            md.append("| ").append(cellText(scenario.name()))
                    .append("error".equals(scenario.expectedOutcome()) ? " (expects an error)" : "").append(" |");
            for (String sut : scorecard.suts()) {
                md.append(' ').append(scorecard.cell(scenario.name(), sut).map(CellText::marked).orElse("")).append(" |");
            }
            md.append('\n');
        }
        md.append("\n✅ pass, 🟡 partial, 🛡 safe (a clean, bounded error), ❌ fail, ➖ n/a (the SUT lacks what the "
                + "scenario tests), ⛔ no verdict; ★ required.\n\n");

        md.append("## Totals\n\n| SUT | pass | partial | safe | fail | n/a | no verdict | required failures |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (SutTotals t : scorecard.totals()) {
            md.append("| ").append(cellText(t.sut())).append(" | ").append(t.pass()).append(" | ").append(t.partial())
                    .append(" | ").append(t.safe()).append(" | ").append(t.fail()).append(" | ")
                    .append(t.notApplicable()).append(" | ").append(t.noVerdict()).append(" | ")
                    .append(t.requiredFailures()).append(" |\n");
        }

        List<ScorecardCell> notPassed = scorecard.cells().stream().filter(c -> !"pass".equals(c.mark())).toList();
        md.append("\n## Cells that did not pass\n\n");
        if (notPassed.isEmpty()) {
            md.append("Every cell passed.\n");
        }
        for (ScorecardCell cell : notPassed) {
            md.append("### ").append(cell.scenario()).append(" @ ").append(cell.sut()).append(": ")
                    .append(CellText.marked(cell)).append("\n\n");
            md.append(cell.reason() == null ? "No reason was recorded." : cell.reason()).append("\n\n");
            CellText.evidence(cell).forEach(line -> md.append("- ").append(line).append('\n'));
            if (cell.runFolder() != null) {
                md.append("- run: [").append(cell.runFolder()).append("/report.html](").append(cell.runFolder())
                        .append("/report.html)\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String cellText(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
