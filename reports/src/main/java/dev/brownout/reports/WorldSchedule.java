package dev.brownout.reports;

import java.util.List;
import java.util.Optional;

/**
 * How well the fake world kept its own schedule while the run played: how late each provider sent first tokens and
 * tokens against the instants it had planned for them, how much delay the fault proxies added beyond what their
 * toxics planned, and the CPU the world's process used. A world that fell behind its schedule measured part of its
 * own slowness as the system under test's, so a report says so before any other figure.
 *
 * <p>Lateness is always real (unscaled) time: it is the harness's noise, whatever clock the scenario was played on.
 *
 * @param behind     whether the worst p99 lateness was over the bound
 * @param reason     which figure was over the bound, and by how much; null when the world kept its schedule
 * @param boundMs    the bound: {@link #MAX_LATENESS_MS} or {@link #MAX_LATENESS_SHARE} of the run's p50 latency,
 *                   whichever is smaller
 * @param worstP99Ms the largest p99 lateness among the providers' first tokens and tokens and the proxies' added
 *                   delay; null when nothing was measured (no call was answered)
 * @param providers  each provider's lateness, in the world's order
 * @param proxies    each fault proxy's added delay, in the world's order; empty when the proxy backend does not
 *                   measure it (a real Toxiproxy)
 * @param cpu        the CPU the world's process used over the run; null when it could not be read
 */
public record WorldSchedule(boolean behind, String reason, double boundMs, Double worstP99Ms,
                            List<ProviderLateness> providers, List<ProxyDelay> proxies, WorldCpu cpu) {

    /** A world whose p99 lateness is over 50 ms has fallen behind, whatever the SUT's latency. */
    public static final double MAX_LATENESS_MS = 50;
    /** A world whose p99 lateness is over 5% of the run's p50 latency has fallen behind. */
    public static final double MAX_LATENESS_SHARE = 0.05;

    public WorldSchedule {
        providers = List.copyOf(providers);
        proxies = List.copyOf(proxies);
    }

    /**
     * What every report says first when the world fell behind: which figure, by how much, and what it means for the
     * run's figures; empty when it kept its schedule.
     */
    public Optional<String> notice() {
        if (!behind) {
            return Optional.empty();
        }
        return Optional.of("The fake world fell behind its own schedule (" + reason + "), so part of the latency and "
                + "failures measured are the harness's, not the system under test's: lower the load scale or give the "
                + "world more CPU, and read docs/measurement.md on the world's schedule.");
    }
}
