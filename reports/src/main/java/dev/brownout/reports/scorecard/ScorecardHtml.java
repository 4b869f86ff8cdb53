package dev.brownout.reports.scorecard;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scorecard.html}: one self-contained page (inline CSS, no script, nothing fetched) with the scenarios ×
 * SUTs table, each cell coloured by its verdict, its evidence a click away and a link to the cell's
 * {@code report.html}, then the totals per SUT.
 */
public final class ScorecardHtml {

    private static final Mustache TEMPLATE =
            new DefaultMustacheFactory("dev/brownout/reports/scorecard").compile("scorecard.mustache");

    private ScorecardHtml() {
    }

    /** The scorecard as an HTML page. */
    public static String render(Scorecard scorecard) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, view(scorecard));
        return out.toString();
    }

    private static Map<String, Object> view(Scorecard scorecard) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pack", scorecard.pack());
        view.put("timeScale", scorecard.timeScale());
        view.put("loadScale", scorecard.loadScale());
        view.put("created", scorecard.created().toString());
        view.put("version", scorecard.brownoutVersion());
        view.put("suts", scorecard.suts());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScorecardScenario scenario : scorecard.scenarios()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", scenario.name());
            row.put("summary", scenario.summary());
            row.put("expectsError", "error".equals(scenario.expectedOutcome()));
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String sut : scorecard.suts()) {
                scorecard.cell(scenario.name(), sut).ifPresent(cell -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("sut", sut);
                    c.put("css", CellText.cssClass(cell));
                    c.put("marked", CellText.marked(cell));
                    c.put("reason", cell.reason() == null ? "" : cell.reason());
                    c.put("evidence", CellText.evidence(cell));
                    c.put("report", cell.runFolder() == null ? null : cell.runFolder() + "/report.html");
                    cells.add(c);
                });
            }
            row.put("cells", cells);
            rows.add(row);
        }
        view.put("rows", rows);
        view.put("totals", scorecard.totals());
        return view;
    }
}
