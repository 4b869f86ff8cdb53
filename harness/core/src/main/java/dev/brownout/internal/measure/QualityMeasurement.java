package dev.brownout.internal.measure;

import dev.brownout.reports.Attribution;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.Quality;
import dev.brownout.reports.Summary;
import dev.brownout.reports.Timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link QualityMeasure} found, as the parts of the run result it fills.
 *
 * @param attribution      the run's IQ loss split by cause; null when the loss is unknown (no baseline)
 * @param phases           every planned phase; cost 0, for the cost measurement to fill
 * @param unpairedChaos    the chaos run's non-aborted exchanges whose task the baseline does not have
 * @param unpairedBaseline the baseline's non-aborted exchanges whose task the chaos run does not have
 */
public record QualityMeasurement(Summary summary, Quality quality, Attribution attribution, List<PhaseResult> phases,
                                 Timeline timeline, List<FailoverResult> failover, List<ExchangeResult> exchanges,
                                 int unpairedChaos, int unpairedBaseline) {

    public QualityMeasurement {
        phases = List.copyOf(phases);
        failover = List.copyOf(failover);
        exchanges = List.copyOf(exchanges);
    }

    /** This measurement with the quality's noise floor set (see {@link NoiseFloor}). */
    public QualityMeasurement withNoiseFloor(Double noiseFloor) {
        Quality withFloor = new Quality(quality.score(), quality.baselineScore(), quality.iqLoss(), noiseFloor,
                quality.goodput());
        return new QualityMeasurement(summary, withFloor, attribution, phases, timeline, failover, exchanges,
                unpairedChaos, unpairedBaseline);
    }

    /** Sentences for the run result's warnings: tasks left out of the paired figures. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (unpairedChaos > 0) {
            warnings.add(unpairedChaos + " exchange(s) of this run have no baseline twin and are left out of the IQ loss");
        }
        if (unpairedBaseline > 0) {
            warnings.add(unpairedBaseline + " baseline exchange(s) have no twin in this run and are left out of the IQ loss"
                    + " (the goodput loss counts them as lost)");
        }
        return warnings;
    }
}
