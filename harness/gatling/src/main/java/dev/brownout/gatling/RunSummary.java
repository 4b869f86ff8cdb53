package dev.brownout.gatling;

import dev.brownout.BrownoutRun;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.format.Figures;
import dev.brownout.reports.gate.GateOutcome;
import dev.brownout.reports.gate.GateReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finished load run prints beside Gatling's report, and the {@code last-run.txt} pointer that
 * {@link VerifyBrownoutGates} reads: the run folder on its first line, the gates' bound on its second.
 */
final class RunSummary {

    /** Where {@code after()} writes the run folder's path, relative to the directory Gatling runs in. */
    static final Path LAST_RUN = Path.of("target", "brownout-gatling", "last-run.txt");

    static final String BOUND_PREFIX = "bound=";

    private RunSummary() {
    }

    /** The lines printed after the run: where it is, its IQ loss, each gate and the verdict. */
    static List<String> lines(BrownoutRun run) {
        RunResult result = run.result();
        List<String> lines = new ArrayList<>();
        lines.add("Brownout run folder: " + run.folder().toAbsolutePath());
        lines.add("Brownout report:     " + run.reportHtml().toAbsolutePath());
        Estimate loss = result.quality() == null ? null : result.quality().iqLoss();
        lines.add("Brownout IQ loss:    " + (loss == null ? "n/a (no baseline)" : estimate(loss)));
        lines.addAll(gateLines(run.gates()));
        lines.add("Brownout verdict:    " + run.gates().verdict(result)
                + (result.completed() ? "" : " (incomplete: " + result.stopReason() + ")"));
        return lines;
    }

    static List<String> gateLines(GateReport gates) {
        List<String> lines = new ArrayList<>();
        if (gates.outcomes().isEmpty()) {
            lines.add("Brownout gates:      none");
        }
        for (GateOutcome gate : gates.outcomes()) {
            lines.add("Brownout gate " + gate.name() + ": " + gate.status() + " (observed " + gate.observedText() + ")"
                    + (gate.passed() || gate.message() == null ? "" : " - " + gate.message()));
        }
        return lines;
    }

    static void print(PrintStream out, BrownoutRun run) {
        lines(run).forEach(out::println);
    }

    private static String estimate(Estimate loss) {
        String value = Figures.percent(loss.value());
        if (loss.low() == null || loss.high() == null) {
            return value;
        }
        return value + " (95% CI " + Figures.percent(loss.low()) + " to " + Figures.percent(loss.high()) + ")";
    }

    /** Writes {@link #LAST_RUN}; a failure to write it is reported, never thrown. */
    static void writeLastRun(Path folder, String bound) {
        try {
            Files.createDirectories(LAST_RUN.getParent());
            Files.writeString(LAST_RUN, folder.toAbsolutePath() + "\n" + (bound == null ? "" : BOUND_PREFIX + bound + "\n"),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("Brownout could not write " + LAST_RUN.toAbsolutePath() + " (" + e.getMessage()
                    + "); the run folder is " + folder.toAbsolutePath());
        }
    }
}
