package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.record.ProbeRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a run left for the conduct checks to read: its provider calls and exchanges on one clock, and what only
 * some runs have (a measured recovery, the probe after the run, the fault proxy's connection log), added with
 * the {@code with...} methods so no caller passes a null it does not mean.
 *
 * @param calls         the run's provider calls (see {@link LedgerSlice#runCalls})
 * @param exchanges     the run's exchanges
 * @param origin        the instant the exchanges' times count from, to place ledger times on the same clock
 * @param timeToRecover from the last fault's end until healthy again, or null when it never was (or was not measured)
 * @param probe         the healthy request sent through the SUT after the run, or null when none was sent
 * @param connections   the fault proxy's connection log, for the attempts no ledger holds
 */
public record ConductEvidence(List<ProviderCall> calls, List<ExchangeRecord> exchanges, Instant origin,
                              Duration timeToRecover, ProbeRecord probe, ProxyConnections connections) {

    public ConductEvidence {
        calls = List.copyOf(calls);
        exchanges = List.copyOf(exchanges);
        Objects.requireNonNull(origin, "the instant the exchanges' times count from");
        Objects.requireNonNull(connections, "the connection log; ProxyConnections.none() when there is none");
    }

    /** The calls and exchanges alone: no recovery measured, no probe, no connection log. */
    public static ConductEvidence of(List<ProviderCall> calls, List<ExchangeRecord> exchanges, Instant origin) {
        return new ConductEvidence(calls, exchanges, origin, null, null, ProxyConnections.none());
    }

    /** These, with the time from the last fault's end until healthy again (null: it never was). */
    public ConductEvidence withTimeToRecover(Duration recovery) {
        return new ConductEvidence(calls, exchanges, origin, recovery, probe, connections);
    }

    /** These, with the probe sent after the run (null: none was sent). */
    public ConductEvidence withProbe(ProbeRecord sent) {
        return new ConductEvidence(calls, exchanges, origin, timeToRecover, sent, connections);
    }

    /** These, with the fault proxy's connection log. */
    public ConductEvidence withConnections(ProxyConnections log) {
        return new ConductEvidence(calls, exchanges, origin, timeToRecover, probe, log);
    }
}
