package dev.brownout.internal.run;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Running counts of a run's exchanges, overall and per phase, kept as exchanges end. */
final class Tally {

    private final Counts all = new Counts();
    private final Map<String, Counts> byPhase = new LinkedHashMap<>();

    Tally(List<String> phases) {
        phases.forEach(phase -> byPhase.put(phase, new Counts()));
    }

    synchronized void add(ExchangeRecord exchange) {
        all.add(exchange);
        byPhase.computeIfAbsent(exchange.phase(), phase -> new Counts()).add(exchange);
    }

    synchronized long ok() {
        return all.answered;
    }

    synchronized long failed() {
        return all.errors + all.timeouts;
    }

    synchronized ExchangeTotals totals() {
        return all.totals();
    }

    synchronized List<PhaseTotals> phases() {
        List<PhaseTotals> phases = new ArrayList<>();
        byPhase.forEach((phase, counts) -> phases.add(new PhaseTotals(phase, counts.totals())));
        return phases;
    }

    private static final class Counts {
        private long sent;
        private long answered;
        private long errors;
        private long timeouts;
        private long aborted;
        private long truncated;
        private long correct;
        private double scoreSum;

        void add(ExchangeRecord exchange) {
            sent++;
            switch (exchange.outcome()) {
                case Exchange.ANSWERED -> answered++;
                case Exchange.TIMEOUT -> timeouts++;
                case Exchange.ABORTED -> aborted++;
                default -> errors++;
            }
            if (exchange.truncated()) {
                truncated++;
            }
            if (Exchange.ABORTED.equals(exchange.outcome())) {
                return;
            }
            scoreSum += exchange.score();
            if (exchange.score() >= 1.0) {
                correct++;
            }
        }

        ExchangeTotals totals() {
            long graded = sent - aborted;
            if (graded == 0) {
                return new ExchangeTotals(sent, answered, errors, timeouts, aborted, truncated, correct, null, null);
            }
            return new ExchangeTotals(sent, answered, errors, timeouts, aborted, truncated, correct, scoreSum / graded,
                    (double) answered / graded);
        }
    }
}
