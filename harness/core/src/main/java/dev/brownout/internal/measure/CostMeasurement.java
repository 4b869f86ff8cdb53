package dev.brownout.internal.measure;

import dev.brownout.reports.Cost;
import dev.brownout.reports.ModelServed;

import java.util.List;

/**
 * What a run's provider calls cost and which models served them.
 *
 * @param warnings what the figures cannot attribute, e.g. calls that carried no task id of the run
 */
public record CostMeasurement(Cost cost, List<ModelServed> modelsServed, List<String> warnings) {

    public CostMeasurement {
        modelsServed = List.copyOf(modelsServed);
        warnings = List.copyOf(warnings);
    }
}
