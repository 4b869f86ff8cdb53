package dev.brownout.internal.measure;

import dev.brownout.reports.Goodput;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.Quality;

import java.util.List;
import java.util.Map;

/**
 * What {@link GoodputMeasure} found: the whole run's goodput and each phase's, by phase name.
 *
 * @param run    over the whole run
 * @param phases by phase name, one for every phase of the timeline
 */
public record GoodputMeasurement(Goodput run, Map<String, Goodput> phases) {

    public GoodputMeasurement {
        phases = Map.copyOf(phases);
    }

    /** The run's goodput figures written into {@code measurement}: its quality and each of its phases. */
    public QualityMeasurement applyTo(QualityMeasurement measurement) {
        Quality q = measurement.quality();
        Quality quality = new Quality(q.score(), q.baselineScore(), q.iqLoss(), q.noiseFloor(), run);
        List<PhaseResult> phaseResults = measurement.phases().stream().map(p -> new PhaseResult(p.name(),
                p.plannedAtMs(), p.startedAtMs(), p.endMs(), p.tookEffect(), p.exchanges(), p.answered(),
                p.availability(), p.quality(), p.baselineQuality(), p.iqLoss(), p.attribution(), p.latency(), p.ttft(),
                p.costUsd(), phases.get(p.name()))).toList();
        return new QualityMeasurement(measurement.summary(), quality, measurement.attribution(), phaseResults,
                measurement.timeline(), measurement.failover(), measurement.exchanges(), measurement.unpairedChaos(),
                measurement.unpairedBaseline());
    }
}
