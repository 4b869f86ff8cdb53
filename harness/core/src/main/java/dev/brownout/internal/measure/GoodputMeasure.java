package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.PhaseSpec;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Goodput: correct answers (graded 1) per second, of the whole run and of each phase, against the baseline's same
 * span, and the goodput loss {@code 1 − rate / baseline rate} with its interval ({@link GoodputLoss}).
 *
 * <p>IQ loss pairs the tasks both runs sent, so it cannot see work a run never did: in a closed-model run a slow
 * SUT holds its agents up and they send fewer tasks. Goodput counts every correct answer per second played, so the
 * tasks never sent count as lost. Conventions, as in {@link QualityMeasure}: an exchange belongs to the phase its
 * intended send time falls in; aborted exchanges are left out. A span's seconds are the part of it the run played:
 * the whole span for a run that completed, up to where it stopped for one that did not, 0 for a phase it never
 * reached. The baseline tasks a run did not send are those without a twin among its (non-aborted) exchanges, the
 * ones IQ loss leaves out; per phase by the baseline exchange's phase.
 */
public final class GoodputMeasure {

    private GoodputMeasure() {
    }

    /**
     * Measures goodput of a chaos run against its baseline.
     *
     * @param chaos            the chaos run's exchanges
     * @param baseline         the baseline's exchanges, or null without a baseline
     * @param timeline         the phases as planned, in order
     * @param chaosPlayedMs    how much of the timeline the chaos run played, from its start (see {@link #playedMs})
     * @param baselinePlayedMs likewise for the baseline; ignored without one
     */
    public static GoodputMeasurement measure(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline,
                                             List<PhaseSpec> timeline, long chaosPlayedMs, long baselinePlayedMs) {
        Objects.requireNonNull(chaos, "chaos");
        Objects.requireNonNull(timeline, "timeline");
        Set<ExchangeRecord> unsent = baseline == null ? Set.of() : unsent(chaos, baseline);
        long runEndMs = timeline.stream().mapToLong(PhaseSpec::endMs).max().orElse(0);
        Goodput run = goodput(chaos, baseline, unsent, exchange -> true, 0, runEndMs, chaosPlayedMs, baselinePlayedMs);
        Map<String, Goodput> phases = new LinkedHashMap<>();
        for (PhaseSpec phase : timeline) {
            Predicate<ExchangeRecord> inPhase = exchange -> Objects.equals(exchange.phase(), phase.name());
            phases.put(phase.name(), goodput(chaos, baseline, unsent, inPhase, phase.atMs(), phase.endMs(),
                    chaosPlayedMs, baselinePlayedMs));
        }
        return new GoodputMeasurement(run, phases);
    }

    /**
     * How much of a timeline of {@code durationMs} a run played: all of it when it completed; otherwise from the
     * timeline's start to when the run ended ({@code endedMs}, null when unknown), or, failing that, to its last
     * exchange's intended send time; never more than the timeline.
     */
    public static long playedMs(boolean completed, long durationMs, Long endedMs, List<ExchangeRecord> exchanges) {
        if (completed) {
            return durationMs;
        }
        long played = endedMs != null ? endedMs
                : (long) Math.ceil(exchanges.stream().mapToDouble(ExchangeRecord::intendedMs).max().orElse(0));
        return Math.max(0, Math.min(durationMs, played));
    }

    private static Goodput goodput(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline, Set<ExchangeRecord> unsent,
                                   Predicate<ExchangeRecord> inSpan, long fromMs, long toMs, long chaosPlayedMs,
                                   long baselinePlayedMs) {
        long correct = correct(chaos, inSpan);
        double seconds = playedSeconds(fromMs, toMs, chaosPlayedMs);
        if (baseline == null) {
            return new Goodput(correct, seconds, null, null, null, null, 0);
        }
        long baselineCorrect = correct(baseline, inSpan);
        double baselineSeconds = playedSeconds(fromMs, toMs, baselinePlayedMs);
        long baselineTasks = baseline.stream().filter(e -> !PairedTasks.aborted(e)).filter(inSpan).count();
        long unsentTasks = unsent.stream().filter(inSpan).count();
        return new Goodput(correct, seconds, baselineCorrect, baselineSeconds,
                GoodputLoss.of(correct, seconds, baselineCorrect, baselineSeconds), baselineTasks, unsentTasks);
    }

    private static long correct(List<ExchangeRecord> exchanges, Predicate<ExchangeRecord> inSpan) {
        return exchanges.stream().filter(e -> !PairedTasks.aborted(e)).filter(inSpan).filter(e -> e.score() >= 1.0).count();
    }

    /** The seconds of [{@code fromMs}, {@code toMs}) that fall within the first {@code playedMs} of the run. */
    private static double playedSeconds(long fromMs, long toMs, long playedMs) {
        return Math.max(0, Math.min(toMs, playedMs) - fromMs) / 1000.0;
    }

    /** The baseline's non-aborted exchanges whose task has no twin in the chaos run, by identity. */
    private static Set<ExchangeRecord> unsent(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline) {
        Set<ExchangeRecord> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        PairedTasks.of(chaos, baseline).pairs().forEach(pair -> paired.add(pair.baseline()));
        Set<ExchangeRecord> unsent = Collections.newSetFromMap(new IdentityHashMap<>());
        baseline.stream().filter(e -> !PairedTasks.aborted(e) && !paired.contains(e)).forEach(unsent::add);
        return unsent;
    }
}
