package dev.brownout.fakes.oauth;

import dev.brownout.fakes.ledger.Ledger;
import io.javalin.http.Context;

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

    /** What an endpoint does with one request; an {@link OAuthError} it throws is its answer. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /**
     * Runs an endpoint's work for one request: an OAuth error is answered in RFC 6749's shape, anything
     * else as {@code server_error}, never a stack trace; the request is journaled either way.
     */
    void handle(Context ctx, Exchange exchange, Work work) {
        try {
            work.run();
        } catch (OAuthError e) {
            exchange.outcome(e.code(), false);
            e.writeTo(ctx);
        } catch (Exception e) {
            OAuthError error = OAuthError.serverError("unexpected failure: " + e.getClass().getSimpleName());
            exchange.outcome(error.code(), false);
            error.writeTo(ctx);
        } finally {
            record(exchange, ctx.statusCode());
        }
    }

    void record(Exchange exchange, int status) {
        double latencyMs = exchange.elapsedNanos() / 1_000_000d;
        ledger.append(sequence -> new OAuthLedgerEntry(sequence, clock.instant(), exchange.endpoint(), exchange.method(),
                exchange.grant(), exchange.clientId(), status, exchange.outcome(), exchange.injected(), latencyMs));
        metrics.record(exchange, status);
    }
}
