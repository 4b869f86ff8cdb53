package dev.brownout.reports.compare;

import java.util.List;
import java.util.stream.Stream;

/**
 * A comparison as Markdown for a pull request: a title "before → after", the two conduct verdicts with their
 * reasons, the warnings, a table of the headline figures and one of the phases. Every row is marked in words
 * (REGRESSION, improvement, within noise, same, unknown), and every text from a run is escaped so it can neither break a table nor become markup.
 */
public final class ComparisonMarkdown {

    private static final List<String> HEADLINE_HEADER = List.of("Metric", "Before", "After", "Change", "Judgement");
    private static final List<String> PHASE_HEADER =
            List.of("Phase", "Metric", "Before", "After", "Change", "Judgement");

    private ComparisonMarkdown() {
    }

    public static String render(RunComparison comparison) {
        StringBuilder md = new StringBuilder();
        ComparedRun before = comparison.before();
        ComparedRun after = comparison.after();
        md.append("# ").append(escape(before.label())).append(" → ").append(escape(after.label())).append("\n\n");
        md.append("**Conduct verdict: ").append(before.verdictLabel()).append(" → ").append(after.verdictLabel())
                .append("**\n\n");
        md.append("- Before: ").append(reason(before)).append('\n');
        md.append("- After: ").append(reason(after)).append("\n\n");
        md.append("Scenario ").append(escape(before.scenario())).append(" (seed ").append(before.seed())
                .append(", time scale ").append(before.timeScale()).append(", load scale ").append(before.loadScale())
                .append("); SUT ").append(escape(before.sut())).append(" before, ").append(escape(after.sut()))
                .append(" after.\n\n");
        md.append("**").append(count(comparison.regressions().size(), "regression")).append(", ")
                .append(count(comparison.improvements().size(), "improvement")).append(".**\n\n");
        if (!comparison.comparable()) {
            md.append("> **Not comparable:** the runs did not play the same scenario, seed and scales.\n>\n");
        }
        for (String warning : comparison.warnings()) {
            md.append("> - Warning: ").append(escape(warning)).append('\n');
        }
        if (!comparison.warnings().isEmpty()) {
            md.append('\n');
        }
        md.append("## Whole run\n\n");
        row(md, HEADLINE_HEADER);
        separator(md, HEADLINE_HEADER.size());
        for (MetricChange change : comparison.headline()) {
            row(md, cells(null, change));
        }
        md.append("\n## Per phase\n\n");
        if (comparison.phases().isEmpty()) {
            md.append("No phase is in both runs.\n");
            return md.toString();
        }
        row(md, PHASE_HEADER);
        separator(md, PHASE_HEADER.size());
        for (PhaseComparison phase : comparison.phases()) {
            for (MetricChange change : phase.changes()) {
                row(md, cells(phase.phase(), change));
            }
        }
        return md.toString();
    }

    /**
     * Text from a run made inert in Markdown: every character that could start markup (including {@code |},
     * which would end a table cell, and {@code <}, which could start HTML) is backslash-escaped, and line breaks
     * become spaces so a row stays on one line.
     */
    static String escape(String text) {
        if (text == null) {
            return ChangeText.UNKNOWN;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\r', '\n' -> out.append(' ');
                case '\\', '|', '`', '*', '_', '[', ']', '<', '>', '~', '&', '#', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> cells(String phase, MetricChange change) {
        List<String> cells = List.of(change.metric().label(), ChangeText.value(change.metric(), change.before()),
                ChangeText.value(change.metric(), change.after()), ChangeText.change(change), judgement(change));
        if (phase == null) {
            return cells;
        }
        return Stream.concat(Stream.of(escape(phase)), cells.stream()).toList();
    }

    private static String judgement(MetricChange change) {
        String marker = switch (change.significance()) {
            case REGRESSION -> "**REGRESSION**";
            case IMPROVEMENT -> "**improvement**";
            default -> ChangeText.marker(change);
        };
        return change.basis().isEmpty() ? marker : marker + ": " + change.basis();
    }

    /**
     * One table row. Its cells are our own words and figures, and text from a run already passed through
     * {@link #escape}; none holds a bare {@code |} or a line break.
     */
    private static String reason(ComparedRun run) {
        return run.verdictReason() == null ? "no reason was recorded" : escape(run.verdictReason());
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell).append(" |");
        }
        md.append('\n');
    }

    private static void separator(StringBuilder md, int columns) {
        md.append('|');
        md.append("---|".repeat(columns));
        md.append('\n');
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
