package dev.brownout.internal.run;

import dev.brownout.internal.record.PhaseRecord;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run leaves behind, as {@code summary.json} in its folder: what was played against what, whether it
 * played to its end, the phases as they took effect and the raw figures per phase.
 *
 * @param timeScale  the clock the scenario played on; see {@link dev.brownout.scenario.Scenario#scaled}
 * @param loadScale  the share of the scenario's load sent; see {@link dev.brownout.scenario.Scenario#loadScaled}
 * @param sutBaseUrl where the SUT was reached, or null (a command SUT, or one that never started)
 * @param timelineStart when the first phase began: exchange times count from it; null if it never began
 * @param completed  the whole timeline played and every exchange ended on its own
 * @param stopReason why the run ended early, or null when it completed
 * @param command    the command line that reproduces the run
 * @param warmup      the unmeasured load sent before the timeline started
 * @param ledgerStart each provider's last ledger sequence number before the timeline: the run's calls follow it
 * @param warnings   what went wrong around the measurement (a ledger not kept, a fault not cleared)
 * @param cpuSeconds the CPU seconds the harness's process (the embedded world, its proxies and the driver) used from
 *                   the timeline's start to the run's end; null when unknown or the timeline never began
 */
public record RunRecord(String scenario, String sut, String sutBaseUrl, long seed, double timeScale, double loadScale,
                        Instant startedAt, Instant timelineStart, Instant endedAt, boolean completed, String stopReason, Path folder,
                        List<String> command, WarmupRecord warmup, Map<String, Long> ledgerStart,
                        List<PhaseRecord> phases, ExchangeTotals totals, List<PhaseTotals> byPhase, List<String> warnings,
                        Double cpuSeconds) {

    public RunRecord {
        command = List.copyOf(command);
        ledgerStart = Collections.unmodifiableMap(new LinkedHashMap<>(ledgerStart));
        phases = List.copyOf(phases);
        byPhase = List.copyOf(byPhase);
        warnings = List.copyOf(warnings);
    }
}
