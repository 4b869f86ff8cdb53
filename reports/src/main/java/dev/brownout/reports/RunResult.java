package dev.brownout.reports;

import java.time.Instant;
import java.util.List;

/**
 * Everything a run measured, as versioned JSON (snake_case, {@link #SCHEMA_VERSION}): the contract between
 * the harness and every report. Read and write it with {@link RunResults}; its JSON Schema ships beside this
 * class as {@code run-result.schema.json}.
 *
 * @param command    the exact command line that reproduces the run
 * @param completed  the whole timeline played and every exchange ended on its own; an incomplete result keeps
 *                   what was measured until the run stopped
 * @param baseline   the fault-free run the quality and cost figures compare against
 * @param summary    exchanges, availability and latency over the whole run
 * @param quality    graded quality and IQ loss over the whole run
 * @param attribution the run's IQ loss split by cause; the parts add up to {@code quality.iq_loss.value}; null
 *                   without a baseline, like the loss itself
 * @param exchanges  every exchange, with secrets redacted from prompts and answers
 * @param probe      the healthy request sent through the SUT after the run, every fault cleared; null when none was
 *                   sent (the run ended before its timeline did)
 * @param world      how well the fake world kept its own schedule; null in a result written before it was measured,
 *                   or when the run never started
 * @param multiStep  how the run's multi-step tool tasks went, task by task; null when it sent none (and in results
 *                   written before they were measured)
 */
public record RunResult(String schemaVersion, ScenarioInfo scenario, SutInfo sut, Versions versions,
                        List<String> command, Instant startedAt, Instant endedAt, boolean completed,
                        String stopReason, BaselineInfo baseline, Summary summary, Quality quality,
                        Attribution attribution, List<PhaseResult> phases, Timeline timeline,
                        List<FailoverResult> failover, Cost cost, List<ModelServed> modelsServed, Conduct conduct,
                        Security security, List<GateSpec> gates, List<ExchangeResult> exchanges,
                        List<String> warnings, ProbeResult probe, WorldSchedule world, MultiStep multiStep) {

    public static final String SCHEMA_VERSION = "1";

    public RunResult {
        command = List.copyOf(command);
        phases = List.copyOf(phases);
        failover = List.copyOf(failover);
        modelsServed = List.copyOf(modelsServed);
        gates = List.copyOf(gates);
        exchanges = List.copyOf(exchanges);
        warnings = List.copyOf(warnings);
    }

    /** A result without multi-step tasks: a run that sent none, or one written before they were measured. */
    public RunResult(String schemaVersion, ScenarioInfo scenario, SutInfo sut, Versions versions,
                     List<String> command, Instant startedAt, Instant endedAt, boolean completed,
                     String stopReason, BaselineInfo baseline, Summary summary, Quality quality,
                     Attribution attribution, List<PhaseResult> phases, Timeline timeline,
                     List<FailoverResult> failover, Cost cost, List<ModelServed> modelsServed, Conduct conduct,
                     Security security, List<GateSpec> gates, List<ExchangeResult> exchanges,
                     List<String> warnings, ProbeResult probe, WorldSchedule world) {
        this(schemaVersion, scenario, sut, versions, command, startedAt, endedAt, completed, stopReason, baseline,
                summary, quality, attribution, phases, timeline, failover, cost, modelsServed, conduct, security, gates,
                exchanges, warnings, probe, world, null);
    }

    /** A result without the world's schedule: one written before it was measured. */
    public RunResult(String schemaVersion, ScenarioInfo scenario, SutInfo sut, Versions versions,
                     List<String> command, Instant startedAt, Instant endedAt, boolean completed,
                     String stopReason, BaselineInfo baseline, Summary summary, Quality quality,
                     Attribution attribution, List<PhaseResult> phases, Timeline timeline,
                     List<FailoverResult> failover, Cost cost, List<ModelServed> modelsServed, Conduct conduct,
                     Security security, List<GateSpec> gates, List<ExchangeResult> exchanges,
                     List<String> warnings, ProbeResult probe) {
        this(schemaVersion, scenario, sut, versions, command, startedAt, endedAt, completed, stopReason, baseline,
                summary, quality, attribution, phases, timeline, failover, cost, modelsServed, conduct, security, gates,
                exchanges, warnings, probe, null, null);
    }

    /** A result without a probe after the run. */
    public RunResult(String schemaVersion, ScenarioInfo scenario, SutInfo sut, Versions versions,
                     List<String> command, Instant startedAt, Instant endedAt, boolean completed,
                     String stopReason, BaselineInfo baseline, Summary summary, Quality quality,
                     Attribution attribution, List<PhaseResult> phases, Timeline timeline,
                     List<FailoverResult> failover, Cost cost, List<ModelServed> modelsServed, Conduct conduct,
                     Security security, List<GateSpec> gates, List<ExchangeResult> exchanges,
                     List<String> warnings) {
        this(schemaVersion, scenario, sut, versions, command, startedAt, endedAt, completed, stopReason, baseline,
                summary, quality, attribution, phases, timeline, failover, cost, modelsServed, conduct, security, gates,
                exchanges, warnings, null, null, null);
    }
}
