package dev.brownout.internal.measure;

import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.scenario.TargetFaults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The provider calls no ledger holds: connection attempts the fault proxy saw that never delivered a byte to the
 * fake (refused while the proxy was down, reset, timed out or held by a toxic before anything went through,
 * refused by the fake's own port), and how they are shared among the tasks.
 *
 * <p><b>Which connections count.</b> A connection that delivered bytes to the fake reached its ledger: every
 * request it carried (a keep-alive connection carries several) is a ledger entry, counted there and not again
 * here. A connection that delivered nothing counts as one attempt, on the provider the proxy stands in front
 * of, when the proxy refused or ended it, or when the client had sent something on it; a connection the client
 * opened and closed without sending anything, untouched by any fault (an idle pooled connection), is no
 * attempt. Only connections accepted from the timeline's start on count, and none to the OAuth server.
 *
 * <p><b>Which task made them.</b> The proxy cannot read a task id, so each attempt is shared equally among the
 * tasks in flight at its moment (an exchange from its start to its end); a task's estimate on a provider is its
 * ledger calls there plus its shares. An attempt while no task was in flight stays unattributed. For the
 * report, attempts are also counted per second of the run (from the timeline's start) and provider, with the
 * tasks in flight during that second.
 */
final class ConnectionAttempts {

    /** A connection that delivered nothing and was ended this way was no attempt unless the client sent data. */
    private static final Set<String> IDLE_ENDINGS = Set.of(ConnectionRecord.FORWARDED, ConnectionRecord.CLOSED_BY_PROXY);

    /** The busiest second of one provider, counting attempts no ledger holds. */
    record Window(String provider, long second, long attempts, long tasksInFlight) {
    }

    private final List<ConnectionRecord> unseen;
    private final Map<String, Map<String, Double>> shares = new TreeMap<>();
    private final Map<String, Long> unattributed = new TreeMap<>();
    private final Window busiest;
    private final long attributed;

    private ConnectionAttempts(List<ConnectionRecord> unseen, List<ExchangeRecord> exchanges, Instant origin) {
        this.unseen = unseen;
        long shared = 0;
        List<ExchangeRecord> byStart = exchanges.stream().filter(e -> e.taskId() != null)
                .sorted(Comparator.comparingDouble(ExchangeRecord::startedMs)).toList();
        PriorityQueue<ExchangeRecord> inFlight = new PriorityQueue<>(Comparator.comparingDouble(ExchangeRecord::endedMs));
        int next = 0;
        for (ConnectionRecord attempt : unseen) {
            double at = millis(attempt.time(), origin);
            while (next < byStart.size() && byStart.get(next).startedMs() <= at) {
                inFlight.add(byStart.get(next++));
            }
            while (!inFlight.isEmpty() && inFlight.peek().endedMs() < at) {
                inFlight.poll();
            }
            if (inFlight.isEmpty()) {
                unattributed.merge(attempt.proxy(), 1L, Long::sum);
                continue;
            }
            shared++;
            double share = 1.0 / inFlight.size();
            for (ExchangeRecord exchange : inFlight) {
                shares.computeIfAbsent(exchange.taskId(), task -> new TreeMap<>())
                        .merge(attempt.proxy(), share, Double::sum);
            }
        }
        this.attributed = shared;
        this.busiest = busiest(unseen, exchanges, origin);
    }

    /** The attempts of {@code connections} no ledger holds, shared among {@code exchanges}. */
    static ConnectionAttempts of(ProxyConnections connections, List<ExchangeRecord> exchanges, Instant origin) {
        List<ConnectionRecord> unseen = connections.entries().stream()
                .filter(c -> !TargetFaults.OAUTH.equals(c.proxy()) && !c.time().isBefore(origin) && reachedNoLedger(c))
                .sorted(Comparator.comparing(ConnectionRecord::time).thenComparingLong(ConnectionRecord::seq))
                .toList();
        return new ConnectionAttempts(unseen, exchanges, origin);
    }

    static boolean reachedNoLedger(ConnectionRecord connection) {
        return connection.bytesToUpstream() == 0
                && (connection.bytesFromClient() > 0 || !IDLE_ENDINGS.contains(connection.outcome()));
    }

    /** Every attempt no ledger holds, in time order. */
    List<ConnectionRecord> unseen() {
        return unseen;
    }

    /** Each task's shares of the attempts, by provider. */
    Map<String, Map<String, Double>> shares() {
        return shares;
    }

    /** How many attempts were shared among tasks in flight. */
    long attributed() {
        return attributed;
    }

    /** How many tasks were in flight at one attempt or more. */
    long tasksSharing() {
        return shares.size();
    }

    /** Attempts made while no task was in flight, by provider. */
    Map<String, Long> unattributed() {
        return unattributed;
    }

    /** The second of the run in which one provider saw the most attempts no ledger holds; null without any. */
    Window busiest() {
        return busiest;
    }

    /** How many unseen attempts ended each way, e.g. {@code refused_while_down → 35}. */
    Map<String, Long> byOutcome() {
        Map<String, Long> counts = new TreeMap<>();
        unseen.forEach(c -> counts.merge(c.outcome(), 1L, Long::sum));
        return counts;
    }

    /** An outcome of the connection log in words, for a check's detail. */
    static String describe(String outcome) {
        return switch (outcome) {
            case ConnectionRecord.REFUSED_WHILE_DOWN -> "refused while the proxy was down";
            case "upstream_refused" -> "refused by the provider's own port";
            case "reset_by_toxic" -> "reset by a toxic";
            case "timed_out_by_toxic" -> "swallowed by a timeout toxic";
            case "blackholed_by_toxic" -> "held by a blackhole";
            case "closed_by_toxic" -> "closed by a toxic";
            case ConnectionRecord.CLOSED_BY_PROXY -> "cut by the proxy";
            default -> outcome;
        };
    }

    private static Window busiest(List<ConnectionRecord> unseen, List<ExchangeRecord> exchanges, Instant origin) {
        Map<String, Map<Long, Long>> perSecond = new TreeMap<>();
        for (ConnectionRecord attempt : unseen) {
            long second = (long) Math.floor(millis(attempt.time(), origin) / 1000);
            perSecond.computeIfAbsent(attempt.proxy(), p -> new TreeMap<>()).merge(second, 1L, Long::sum);
        }
        Window worst = null;
        for (Map.Entry<String, Map<Long, Long>> provider : perSecond.entrySet()) {
            for (Map.Entry<Long, Long> second : provider.getValue().entrySet()) {
                if (worst == null || second.getValue() > worst.attempts()) {
                    worst = new Window(provider.getKey(), second.getKey(), second.getValue(), 0);
                }
            }
        }
        if (worst == null) {
            return null;
        }
        double from = worst.second() * 1000.0;
        double to = from + 1000;
        Set<String> tasks = new HashSet<>();
        for (ExchangeRecord exchange : exchanges) {
            if (exchange.taskId() != null && exchange.startedMs() < to && exchange.endedMs() >= from) {
                tasks.add(exchange.taskId());
            }
        }
        return new Window(worst.provider(), worst.second(), worst.attempts(), tasks.size());
    }

    private static double millis(Instant time, Instant origin) {
        return Duration.between(origin, time).toNanos() / 1e6;
    }

    /** The unseen attempts' times by provider, for the per-second check. */
    Map<String, List<Instant>> timesByProvider() {
        Map<String, List<Instant>> times = new TreeMap<>();
        unseen.forEach(c -> times.computeIfAbsent(c.proxy(), p -> new ArrayList<>()).add(c.time()));
        return times;
    }
}
