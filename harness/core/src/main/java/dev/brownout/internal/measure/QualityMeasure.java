package dev.brownout.internal.measure;

import dev.brownout.fakes.catalog.ModelCatalog;
import dev.brownout.fakes.catalog.ModelProfile;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.reports.Attribution;
import dev.brownout.reports.Cause;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.Latency;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.Quality;
import dev.brownout.reports.Summary;
import dev.brownout.reports.Timeline;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Quality, IQ loss, its attribution, availability, latency, the timeline and failover times of a chaos run
 * against its fault-free baseline: pure computations over in-memory records, the same input always giving equal
 * results.
 *
 * <p>Conventions: aborted exchanges are left out of every figure (the summary only counts them); a task only
 * one run has is left out of the paired figures (IQ loss, attribution, baseline scores) and counted in
 * {@link QualityMeasurement#unpairedChaos()} / {@link QualityMeasurement#unpairedBaseline()}. Qualities are
 * means over all non-aborted exchanges of their run (or phase, or window); an IQ loss is over the paired tasks
 * only, a phase's by the chaos exchange's phase. Without a baseline every IQ loss, baseline figure and attribution
 * is null (unknown, never 0), while availability, quality and latency are still measured. Latency is end to
 * end from the intended send time (so a stall counts in full: no coordinated omission); time to first token is
 * {@code first_byte_ms − intended_ms} where the first byte is known; both over the non-aborted exchanges, as
 * p50/p90/p99 within about 1% (see {@link LatencyDistribution}), max and count.
 */
public final class QualityMeasure {

    private QualityMeasure() {
    }

    /**
     * Measures a chaos run against its baseline.
     *
     * @param chaos          the chaos run's exchanges, as written to {@code exchanges.jsonl}
     * @param baseline       the baseline's exchanges, or null without a baseline
     * @param chaosLedger    the chaos run's provider calls by task id, in ledger order (see {@link #byTask})
     * @param baselineLedger the baseline's provider calls by task id, or null
     * @param capability     a model id's catalog capability, empty when unknown (see {@link #capabilityIn})
     * @param timeline       the phases as planned, in order
     * @param played         the phases as played by name, for their start and took-effect times; may be empty
     * @param durationMs     the run's planned length on the scenario's clock
     * @param windowMs       the timeline's window width (see {@link #defaultWindowMs})
     */
    public static QualityMeasurement measure(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline,
                                             Map<String, List<ProviderCall>> chaosLedger,
                                             Map<String, List<ProviderCall>> baselineLedger,
                                             Function<String, OptionalDouble> capability, List<PhaseSpec> timeline,
                                             Map<String, PhaseRecord> played, long durationMs, long windowMs) {
        Objects.requireNonNull(chaos, "chaos");
        Objects.requireNonNull(timeline, "timeline");
        Map<String, PhaseRecord> phasesPlayed = played == null ? Map.of() : played;
        boolean withBaseline = baseline != null;
        PairedTasks paired = withBaseline ? PairedTasks.of(chaos, baseline) : PairedTasks.none();
        LossAttribution attribution = new LossAttribution(chaosLedger, baselineLedger, capability);

        ExchangeCounts counts = ExchangeCounts.of(chaos);
        Summary summary = new Summary(chaos.size(), counts.answered(), counts.errors(), counts.timeouts(),
                chaos.size() - counts.exchanges(), counts.truncated(), counts.correct(), counts.availability(),
                latency(chaos), timeToFirstByte(chaos));
        Quality quality = new Quality(counts.quality(), withBaseline ? ExchangeCounts.of(baseline).quality() : null,
                IqLoss.of(paired.pairs()), null);

        List<PhaseResult> phases = new ArrayList<>();
        for (PhaseSpec phase : timeline) {
            phases.add(phase(phase, phasesPlayed.get(phase.name()), chaos, baseline, paired, attribution));
        }
        Timeline windows = TimelineWindows.of(chaos, baseline, paired, timeline, durationMs, windowMs);
        List<FailoverResult> failover = FailoverTimes.of(timeline, windows);

        return new QualityMeasurement(summary, quality, attribution.of(paired.pairs()), phases, windows, failover,
                exchanges(chaos, paired, attribution, chaosLedger), paired.unpairedChaos(), paired.unpairedBaseline());
    }

    /** The timeline's default window: one sixtieth of the run rounded to a whole second, at least one second. */
    public static long defaultWindowMs(long durationMs) {
        return TimelineWindows.defaultWidthMs(durationMs);
    }

    /** Provider calls grouped by task id, each group in the given (ledger) order; calls without a task are left out. */
    public static Map<String, List<ProviderCall>> byTask(List<ProviderCall> calls) {
        Map<String, List<ProviderCall>> byTask = new LinkedHashMap<>();
        for (ProviderCall call : calls) {
            if (call.taskId() != null) {
                byTask.computeIfAbsent(call.taskId(), id -> new ArrayList<>()).add(call);
            }
        }
        return byTask;
    }

    /** A model's capability as {@code catalog} lists it (by id or alias); empty for a model it does not know. */
    public static Function<String, OptionalDouble> capabilityIn(ModelCatalog catalog) {
        return model -> catalog.find(model).map(ModelProfile::capability).map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
    }

    private static PhaseResult phase(PhaseSpec spec, PhaseRecord played, List<ExchangeRecord> chaos,
                                     List<ExchangeRecord> baseline, PairedTasks paired, LossAttribution attribution) {
        List<ExchangeRecord> inPhase = chaos.stream().filter(e -> Objects.equals(e.phase(), spec.name())).toList();
        ExchangeCounts counts = ExchangeCounts.of(inPhase);
        Double baselineQuality = baseline == null ? null
                : ExchangeCounts.of(baseline.stream().filter(e -> Objects.equals(e.phase(), spec.name())).toList())
                        .quality();
        List<TaskPair> pairs = paired.inPhase(spec.name());
        Estimate iqLoss = IqLoss.of(pairs);
        Attribution parts = attribution.of(pairs);
        return new PhaseResult(spec.name(), spec.atMs(), played == null ? null : played.startedAt().toMillis(),
                spec.endMs(), played == null ? Map.of() : played.tookEffect(), counts.exchanges(), counts.answered(),
                counts.availability(), counts.quality(), baselineQuality, iqLoss, parts, latency(inPhase),
                timeToFirstByte(inPhase), 0);
    }

    private static List<ExchangeResult> exchanges(List<ExchangeRecord> chaos, PairedTasks paired,
                                                  LossAttribution attribution,
                                                  Map<String, List<ProviderCall>> chaosLedger) {
        Map<ExchangeRecord, TaskPair> twins = new IdentityHashMap<>();
        paired.pairs().forEach(pair -> twins.put(pair.chaos(), pair));
        Map<String, List<ProviderCall>> ledger = chaosLedger == null ? Map.of() : chaosLedger;
        List<ExchangeResult> results = new ArrayList<>();
        for (ExchangeRecord e : chaos) {
            TaskPair pair = twins.get(e);
            Cause cause = pair != null && pair.lost() > 0 ? attribution.causeOf(pair) : null;
            List<String> servedBy = ledger.getOrDefault(e.taskId(), List.of()).stream()
                    .map(call -> call.provider() + "/" + LossAttribution.servedModel(call))
                    .toList();
            results.add(new ExchangeResult(e.taskId(), e.kind(), e.phase(), e.intendedMs(), e.startedMs(),
                    e.firstByteMs(), e.endedMs(), e.latencyMs(), e.outcome(), e.status(), e.errorClass(), e.model(),
                    servedBy, e.truncated(), e.score(), pair == null ? null : pair.baseline().score(), cause,
                    e.expected(), e.prompt(), e.answer(), e.truncation(), e.finishReason(), e.usage(), e.ending(),
                    e.malformedEvents()));
        }
        return results;
    }

    /** End-to-end latency from the intended send time over the non-aborted exchanges. */
    private static Latency latency(List<ExchangeRecord> exchanges) {
        LatencyDistribution distribution = new LatencyDistribution();
        exchanges.stream().filter(e -> !PairedTasks.aborted(e)).forEach(e -> distribution.record(e.latencyMs()));
        return distribution.latency();
    }

    /** Time to first token, {@code first_byte_ms − intended_ms}, where the first byte is known. */
    private static Latency timeToFirstByte(List<ExchangeRecord> exchanges) {
        LatencyDistribution distribution = new LatencyDistribution();
        exchanges.stream()
                .filter(e -> !PairedTasks.aborted(e) && e.firstByteMs() != null)
                .forEach(e -> distribution.record(e.firstByteMs() - e.intendedMs()));
        return distribution.latency();
    }
}
