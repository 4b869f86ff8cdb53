package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.reports.Latency;
import dev.brownout.reports.ProviderLateness;
import dev.brownout.reports.ProxyDelay;
import dev.brownout.reports.WorldCpu;
import dev.brownout.reports.WorldSchedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges whether the fake world kept its own schedule during a run, from what the providers' ledgers say of each
 * call's lateness against its plan and what the fault proxy's connection log says of the delay it added. The world
 * fell behind when the worst of those p99s is over {@link WorldSchedule#MAX_LATENESS_MS}, or over
 * {@link WorldSchedule#MAX_LATENESS_SHARE} of the run's p50 latency: at that point the harness's own noise is a
 * visible part of what it reports as the system under test's latency.
 */
public final class WorldScheduleMeasure {

    private WorldScheduleMeasure() {
    }

    /**
     * @param providers   the world's providers, in its order (those without a call are reported empty)
     * @param calls       the calls of the run's timeline
     * @param connections the fault proxy's connection log for the run
     * @param runLatency  the run's end-to-end latency, whose p50 the bound is a share of
     * @param cpu         the CPU the world's process used, or null when unknown
     */
    public static WorldSchedule measure(List<String> providers, List<ProviderCall> calls,
                                        ProxyConnections connections, Latency runLatency, WorldCpu cpu) {
        Map<String, LatencyDistribution> firstTokens = new LinkedHashMap<>();
        Map<String, LatencyDistribution> tokens = new LinkedHashMap<>();
        for (String provider : providers) {
            firstTokens.put(provider, new LatencyDistribution());
            tokens.put(provider, new LatencyDistribution());
        }
        for (ProviderCall call : calls) {
            if (call.firstTokenLateMs() != null) {
                firstTokens.computeIfAbsent(call.provider(), name -> new LatencyDistribution())
                        .record(call.firstTokenLateMs());
            }
            if (call.maxTokenLateMs() != null) {
                tokens.computeIfAbsent(call.provider(), name -> new LatencyDistribution()).record(call.maxTokenLateMs());
            }
        }
        Map<String, LatencyDistribution> added = new LinkedHashMap<>();
        for (ConnectionRecord connection : connections.entries()) {
            if (connection.addedDelayMs() != null && !ConnectionRecord.REFUSED_WHILE_DOWN.equals(connection.outcome())) {
                added.computeIfAbsent(connection.proxy(), name -> new LatencyDistribution())
                        .record(connection.addedDelayMs());
            }
        }

        List<ProviderLateness> providerFigures = new ArrayList<>();
        Worst worst = new Worst();
        for (Map.Entry<String, LatencyDistribution> provider : firstTokens.entrySet()) {
            Latency first = provider.getValue().latency();
            Latency token = tokens.getOrDefault(provider.getKey(), new LatencyDistribution()).latency();
            providerFigures.add(new ProviderLateness(provider.getKey(), first, token));
            worst.consider(first, "provider " + provider.getKey() + "'s first tokens");
            worst.consider(token, "provider " + provider.getKey() + "'s streamed tokens");
        }
        tokens.keySet().stream().filter(name -> !firstTokens.containsKey(name)).forEach(name -> {
            Latency token = tokens.get(name).latency();
            providerFigures.add(new ProviderLateness(name, Latency.EMPTY, token));
            worst.consider(token, "provider " + name + "'s streamed tokens");
        });
        List<ProxyDelay> proxyFigures = new ArrayList<>();
        for (Map.Entry<String, LatencyDistribution> proxy : added.entrySet()) {
            Latency delay = proxy.getValue().latency();
            proxyFigures.add(new ProxyDelay(proxy.getKey(), delay));
            worst.consider(delay, "the fault proxy in front of " + proxy.getKey());
        }

        Double p50 = runLatency == null ? null : runLatency.p50Ms();
        double bound = p50 == null ? WorldSchedule.MAX_LATENESS_MS
                : Math.min(WorldSchedule.MAX_LATENESS_MS, WorldSchedule.MAX_LATENESS_SHARE * p50);
        boolean behind = worst.p99 != null && worst.p99 > bound;
        String reason = behind ? String.format(Locale.ROOT, "%s were late by %.1f ms at p99, over the bound of %.1f ms"
                        + " (%s)", worst.what, worst.p99, bound, p50 == null || bound == WorldSchedule.MAX_LATENESS_MS
                        ? "50 ms" : String.format(Locale.ROOT, "5%% of the run's p50 latency of %.0f ms", p50))
                : null;
        return new WorldSchedule(behind, reason, bound, worst.p99, providerFigures, proxyFigures, cpu);
    }

    /** The largest p99 seen so far, and whose it is. */
    private static final class Worst {
        private Double p99;
        private String what;

        void consider(Latency latency, String whose) {
            if (latency.p99Ms() != null && (p99 == null || latency.p99Ms() > p99)) {
                p99 = latency.p99Ms();
                what = whose;
            }
        }
    }
}
