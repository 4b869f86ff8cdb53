package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What every check reads.
 *
 * @param origin        the instant exchange times count from, to place ledger times on the same clock
 * @param timeToRecover from the last fault's end until healthy again, or null when it never was (or was not measured)
 * @param connections   the fault proxy's connection log, for the attempts no ledger holds
 */
record CheckInputs(List<ProviderCall> calls, List<ExchangeRecord> exchanges, LedgerTasks tasks, Instant origin,
                   Duration timeToRecover, ProxyConnections connections) {

    CheckInputs(List<ProviderCall> calls, List<ExchangeRecord> exchanges, Instant origin, Duration timeToRecover) {
        this(calls, exchanges, origin, timeToRecover, ProxyConnections.none());
    }

    CheckInputs(List<ProviderCall> calls, List<ExchangeRecord> exchanges, Instant origin, Duration timeToRecover,
                ProxyConnections connections) {
        this(List.copyOf(calls), List.copyOf(exchanges), new LedgerTasks(calls), origin, timeToRecover, connections);
    }
}
