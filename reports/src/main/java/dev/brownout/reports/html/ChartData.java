package dev.brownout.reports.html;

import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the page's script draws: one point per timeline window (at its middle, in seconds from the run's start) and
 * the planned phases to shade. Figures are rounded to what a chart can show, which keeps the page small.
 */
final class ChartData {

    private ChartData() {
    }

    static Map<String, Object> of(RunResult result) {
        List<Window> windows = ReportView.windows(result.timeline());
        List<Double> x = new ArrayList<>(windows.size());
        List<Double> quality = new ArrayList<>(windows.size());
        List<Double> baselineQuality = new ArrayList<>(windows.size());
        List<Double> availability = new ArrayList<>(windows.size());
        List<Double> baselineAvailability = new ArrayList<>(windows.size());
        List<Double> p99 = new ArrayList<>(windows.size());
        long end = result.scenario() == null ? 0 : result.scenario().durationMs();
        for (Window window : windows) {
            x.add(round((window.startMs() + window.endMs()) / 2000.0, 3));
            quality.add(round(window.quality(), 4));
            baselineQuality.add(round(window.baselineQuality(), 4));
            availability.add(round(window.availability(), 4));
            baselineAvailability.add(round(window.baselineAvailability(), 4));
            p99.add(round(window.p99LatencyMs() == null ? null : window.p99LatencyMs() / 1000.0, 3));
            end = Math.max(end, window.endMs());
        }
        List<Map<String, Object>> phases = new ArrayList<>();
        if (result.scenario() != null) {
            for (PhaseSpec phase : result.scenario().timeline()) {
                phases.add(ReportView.map("name", phase.name(), "at", phase.atMs() / 1000.0, "end", phase.endMs() / 1000.0,
                        "faulted", phase.faulted(), "targets", phase.targets()));
                end = Math.max(end, phase.endMs());
            }
        }
        return ReportView.map("end", end / 1000.0, "phases", phases, "x", x, "quality", quality,
                "baselineQuality", baselineQuality, "availability", availability,
                "baselineAvailability", baselineAvailability, "p99", p99);
    }

    private static Double round(Double value, int decimals) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
