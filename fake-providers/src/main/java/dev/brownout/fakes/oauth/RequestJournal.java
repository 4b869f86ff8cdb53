package dev.brownout.fakes.oauth;

import dev.brownout.fakes.ledger.Ledger;

import java.time.Clock;

/** Writes every request to the ledger and the metrics, in one place so none is missed or counted twice. */
final class RequestJournal {

    private final Ledger<OAuthLedgerEntry> ledger;
    private final OAuthMetrics metrics;
    private final Clock clock;

    RequestJournal(Ledger<OAuthLedgerEntry> ledger, OAuthMetrics metrics, Clock clock) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.clock = clock;
    }

    void record(Exchange exchange, int status) {
        double latencyMs = exchange.elapsedNanos() / 1_000_000d;
        ledger.append(sequence -> new OAuthLedgerEntry(sequence, clock.instant(), exchange.endpoint(), exchange.method(),
                exchange.grant(), exchange.clientId(), status, exchange.outcome(), exchange.injected(), latencyMs));
        metrics.record(exchange, status);
    }
}
