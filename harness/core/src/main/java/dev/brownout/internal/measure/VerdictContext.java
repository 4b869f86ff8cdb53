package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.scenario.SutCapability;
import dev.brownout.scenario.VerdictSettings;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the conduct verdict is judged against besides the checks themselves (see {@link ConductVerdict}).
 *
 * @param phases             the faulted phases, in timeline order
 * @param baseline           the baseline's exchanges, or null without a baseline (a phase is then held against
 *                           every task answered)
 * @param availabilityMargin how far a phase's availability may fall below the baseline's and still count as
 *                           answered, a share 0..1
 * @param lacking            the capabilities the SUT declares it does not have
 * @param taskTimeout        the workload's timeout per task, or null; bounds a clean failure without {@code no_hang_past}
 */
public record VerdictContext(List<FaultedPhase> phases, List<ExchangeRecord> baseline, double availabilityMargin,
                             Set<SutCapability> lacking, Duration taskTimeout) {

    public VerdictContext {
        phases = List.copyOf(phases);
        baseline = baseline == null ? null : List.copyOf(baseline);
        lacking = lacking == null ? Set.of() : Set.copyOf(lacking);
    }

    /**
     * Faulted phases known by name only (no span, so a provider call without a task id belongs to none), no
     * baseline, the default margin and a SUT that declares no capabilities.
     */
    public static VerdictContext ofPhaseNames(Set<String> faultedPhases, Duration taskTimeout) {
        return new VerdictContext(faultedPhases.stream().sorted()
                .map(name -> new FaultedPhase(name, Double.NaN, Double.NaN, null)).toList(), null,
                VerdictSettings.DEFAULT.availabilityMarginShare(), Set.of(), taskTimeout);
    }
}
