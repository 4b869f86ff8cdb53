package dev.brownout.internal.run;

/** The exchanges due during one phase. */
public record PhaseTotals(String phase, ExchangeTotals totals) {
}
