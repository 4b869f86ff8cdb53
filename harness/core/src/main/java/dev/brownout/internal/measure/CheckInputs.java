package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.record.ProbeRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What every check reads.
 *
 * @param origin        the instant exchange times count from, to place ledger times on the same clock
 * @param timeToRecover from the last fault's end until healthy again, or null when it never was (or was not measured)
 * @param probe         the healthy request sent after the run, or null when none was sent
 * @param connections   the fault proxy's connection log, for the attempts no ledger holds
 */
record CheckInputs(List<ProviderCall> calls, List<ExchangeRecord> exchanges, LedgerTasks tasks, Instant origin,
                   Duration timeToRecover, ProbeRecord probe, ProxyConnections connections) {

    static CheckInputs of(ConductEvidence evidence) {
        return new CheckInputs(evidence.calls(), evidence.exchanges(), new LedgerTasks(evidence.calls()), evidence.origin(),
                evidence.timeToRecover(), evidence.probe(), evidence.connections());
    }
}
