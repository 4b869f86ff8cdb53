package dev.brownout.reports.html;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateReport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The HTML report of a run: one self-contained page that opens offline (its style, its charting library and its
 * data are all inside it), rendered from the {@link RunResult} alone.
 *
 * <p>It leads with the verdict and the headline figures (IQ loss with its interval, quality, availability, p99
 * latency and time to first token), then charts quality, availability and p99 latency over time against the
 * baseline with every faulted phase shaded, then the loss attribution, the phases, cost, the models that served,
 * failover, security findings, the worst exchanges (at most {@value ReportView#WORST_LIMIT}; the whole log stays
 * in result.json) and how to reproduce the run. Every text from the result is escaped: prompts and answers are
 * untrusted.
 */
public final class HtmlReport {

    private static final String TEMPLATE = "report.mustache";

    private HtmlReport() {
    }

    /** The report of {@code result} as one HTML document, its gates judged on their point estimates. */
    public static String render(RunResult result) {
        return render(result, GateEvaluation.evaluate(result, Bound.POINT));
    }

    /** The report of {@code result} with {@code gates} as judged (by the same gates the CI step used). */
    public static String render(RunResult result, GateReport gates) {
        StringWriter out = new StringWriter(256 * 1024);
        try {
            Template.MUSTACHE.execute(out, ReportView.of(result, gates, Assets.get())).flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the HTML report: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Compiled once, on first use. */
    private static final class Template {
        static final Mustache MUSTACHE = new DefaultMustacheFactory("dev/brownout/reports/html").compile(TEMPLATE);
    }
}
