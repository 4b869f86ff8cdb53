package dev.brownout.reports.compare;

import java.util.List;

/**
 * A comparison as one self-contained HTML page: inline style, no script, nothing fetched from anywhere. It holds
 * the same tables as {@link ComparisonMarkdown}; a regression row is shaded and also says REGRESSION in words,
 * an improvement row likewise, so no reader depends on colour. Every text from a run is escaped by
 * {@link HtmlWriter}.
 */
public final class ComparisonHtml {

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; max-width: 80rem; }
            h1 { font-size: 1.5rem; }
            table { border-collapse: collapse; margin: 1rem 0; }
            th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; }
            td.figure { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.regression { background: #fde2e1; }
            tr.regression td.judgement { font-weight: bold; color: #8a1010; }
            tr.improvement { background: #e0f4e4; }
            tr.improvement td.judgement { font-weight: bold; color: #135c24; }
            tr.unknown td { color: #666; }
            .warnings { border-left: 4px solid #c77700; background: #fff6e5; padding: 0.5rem 1rem; }
            """;

    private static final List<String> HEADLINE_HEADER = List.of("Metric", "Before", "After", "Change", "Judgement");
    private static final List<String> PHASE_HEADER =
            List.of("Phase", "Metric", "Before", "After", "Change", "Judgement");

    private ComparisonHtml() {
    }

    public static String render(RunComparison comparison) {
        ComparedRun before = comparison.before();
        ComparedRun after = comparison.after();
        String title = text(before.label()) + " → " + text(after.label());
        HtmlWriter html = new HtmlWriter();
        html.start("html", "lang", "en").start("head")
                .empty("meta", "charset", "utf-8")
                .element("title", "Brownout comparison: " + title)
                .style(CSS)
                .end("head");
        html.start("body");
        html.element("h1", title);
        html.start("p", "class", "verdict").element("strong", "Conduct verdict: " + before.verdictLabel() + " → "
                + after.verdictLabel()).end("p");
        html.start("ul", "class", "verdict-reasons")
                .element("li", "Before: " + reason(before))
                .element("li", "After: " + reason(after))
                .end("ul");
        html.element("p", "Scenario " + text(before.scenario()) + " (seed " + before.seed() + ", time scale "
                + before.timeScale() + ", load scale " + before.loadScale() + "); SUT " + text(before.sut())
                + " before, " + text(after.sut()) + " after.");
        int regressions = comparison.regressions().size();
        int improvements = comparison.improvements().size();
        html.start("p").element("strong", count(regressions, "regression") + ", "
                + count(improvements, "improvement") + ".").end("p");
        if (!comparison.warnings().isEmpty() || !comparison.comparable()) {
            html.start("div", "class", "warnings", "role", "note");
            if (!comparison.comparable()) {
                html.element("p", "Not comparable: the runs did not play the same scenario, seed and scales.");
            }
            html.start("ul");
            for (String warning : comparison.warnings()) {
                html.element("li", "Warning: " + warning);
            }
            html.end("ul").end("div");
        }
        html.element("h2", "Whole run");
        html.start("table").start("thead");
        header(html, HEADLINE_HEADER);
        html.end("thead").start("tbody");
        for (MetricChange change : comparison.headline()) {
            row(html, null, change);
        }
        html.end("tbody").end("table");
        html.element("h2", "Per phase");
        if (comparison.phases().isEmpty()) {
            html.element("p", "No phase is in both runs.");
        } else {
            html.start("table").start("thead");
            header(html, PHASE_HEADER);
            html.end("thead").start("tbody");
            for (PhaseComparison phase : comparison.phases()) {
                for (MetricChange change : phase.changes()) {
                    row(html, phase.phase(), change);
                }
            }
            html.end("tbody").end("table");
        }
        html.end("body").end("html");
        return html.finish();
    }

    private static void header(HtmlWriter html, List<String> names) {
        html.start("tr");
        for (String name : names) {
            html.element("th", name, "scope", "col");
        }
        html.end("tr");
    }

    private static void row(HtmlWriter html, String phase, MetricChange change) {
        html.start("tr", "class", rowClass(change));
        if (phase != null) {
            html.element("td", phase);
        }
        html.element("td", change.metric().label())
                .element("td", ChangeText.value(change.metric(), change.before()), "class", "figure")
                .element("td", ChangeText.value(change.metric(), change.after()), "class", "figure")
                .element("td", ChangeText.change(change), "class", "figure")
                .element("td", ChangeText.judgement(change), "class", "judgement");
        html.end("tr");
    }

    private static String rowClass(MetricChange change) {
        return switch (change.significance()) {
            case REGRESSION -> "regression";
            case IMPROVEMENT -> "improvement";
            case UNKNOWN -> "unknown";
            case NONE -> "none";
        };
    }

    private static String reason(ComparedRun run) {
        return run.verdictReason() == null ? "no reason was recorded" : run.verdictReason();
    }

    private static String text(String text) {
        return text == null ? ChangeText.UNKNOWN : text;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
