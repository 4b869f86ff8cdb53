package dev.brownout.reports.scorecard;

import dev.brownout.reports.format.Figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A cell's marker and evidence as lines of text, shared by the Markdown and the HTML so both say the same. */
final class CellText {

    private CellText() {
    }

    /** A marker a reader tells apart at a glance, then the mark in words. */
    static String marked(ScorecardCell cell) {
        String marker = switch (cell.mark()) {
            case "pass" -> "✅";
            case "partial" -> "🟡";
            case "safe" -> "🛡";
            case "fail" -> "❌";
            case "n/a" -> "➖";
            default -> "⛔";
        };
        return marker + " " + cell.mark() + (cell.required() ? " ★" : "") + (cell.completed() ? "" : " (ended early)");
    }

    /** The CSS class of the cell's mark. */
    static String cssClass(ScorecardCell cell) {
        return switch (cell.mark()) {
            case "n/a" -> "v-na";
            case "no verdict" -> "v-none";
            default -> "v-" + cell.mark();
        };
    }

    /** Every evidence figure as {@code label: value}; empty when the run left nothing to read. */
    static List<String> evidence(ScorecardCell cell) {
        CellEvidence e = cell.evidence();
        List<String> lines = new ArrayList<>();
        if (e == null) {
            return lines;
        }
        lines.add("attempts: " + attempts(e.attempts()));
        lines.add("most attempts by one task: " + (e.maxAttemptsPerTask() == null ? "none carried a task id"
                : Figures.count(e.maxAttemptsPerTask())));
        lines.add("time to the first retry: " + (e.timeToFirstRetryMs() == null ? "no task was retried"
                : Figures.millis(e.timeToFirstRetryMs()) + " (median over retried tasks)"));
        lines.add("elapsed per task: " + (e.elapsedMedianMs() == null ? "no exchange"
                : "median " + Figures.millis(e.elapsedMedianMs()) + ", max " + Figures.millis(e.elapsedMaxMs())));
        lines.add("truncated successes: " + e.truncatedSuccesses());
        lines.add("hangs: " + e.hangs());
        lines.add("availability: " + (e.availability() == null ? "unknown" : Figures.percent(e.availability())));
        FailingCheck check = e.firstFailingCheck();
        lines.add("first failing check: " + (check == null ? "none" : check.name() + " (" + check.level().label()
                + "): observed " + check.observed() + ", limit " + check.limit()));
        return lines;
    }

    private static String attempts(Map<String, Long> attempts) {
        if (attempts.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        attempts.forEach((provider, count) -> parts.add(provider + " " + count));
        return String.join(", ", parts);
    }
}
