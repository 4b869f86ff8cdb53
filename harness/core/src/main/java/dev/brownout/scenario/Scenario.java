package dev.brownout.scenario;

import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.reports.gate.Gate;
import dev.brownout.reports.gate.GateMetric;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An outage or brownout to replay: a fake world, a workload of graded tasks, a timeline of fault phases
 * and the gates the run must pass. Read one with {@link ScenarioLoader}.
 *
 * @param timeScale how much faster (below 1) or slower this scenario plays than its file says; 1 as loaded.
 *                  The engine applies it to what the scenario does not hold: the models' own pace
 * @param loadScale how much of the scenario's load (below 1) is sent; 1 as loaded. See {@link #loadScaled(double)}
 * @param verdict   how the conduct verdict is judged beyond the checks (the availability margin)
 */
public record Scenario(String name, String description, long seed, ScenarioWorld world, Workload workload,
                       List<Phase> timeline, List<Gate> gates, Checks checks, double timeScale, double loadScale,
                       VerdictSettings verdict) {

    public static final long DEFAULT_SEED = 42;

    public Scenario {
        timeline = List.copyOf(timeline);
        gates = gates == null ? List.of() : List.copyOf(gates);
        checks = checks == null ? Checks.NONE : checks;
        verdict = verdict == null ? VerdictSettings.DEFAULT : verdict;
        TimeScale.check(timeScale);
        LoadScale.check(loadScale);
    }

    /** The first sentence of its description, on one line: how lists and scorecards name what it plays. */
    public String summary() {
        if (description == null) {
            return "";
        }
        String flat = description.replaceAll("\\s+", " ").trim();
        int end = flat.indexOf(". ");
        return end < 0 ? flat : flat.substring(0, end + 1);
    }

    /** A scenario judged with the default {@link VerdictSettings}. */
    public Scenario(String name, String description, long seed, ScenarioWorld world, Workload workload,
                    List<Phase> timeline, List<Gate> gates, Checks checks, double timeScale, double loadScale) {
        this(name, description, seed, world, workload, timeline, gates, checks, timeScale, loadScale,
                VerdictSettings.DEFAULT);
    }

    /** The world as the fakes start it: seeded with this scenario's seed, its models paced on its clock. */
    public WorldConfig worldConfig() {
        return world.worldConfig(seed).withTimeScale(timeScale);
    }

    /** Length of the run: the workload's duration. */
    public Duration duration() {
        return workload.duration();
    }

    /** The gate on {@code metric}, if the scenario sets one. */
    public Optional<Gate> gate(GateMetric metric) {
        return gates.stream().filter(g -> g.metric() == metric).findFirst();
    }

    /** When the phase ends: the next phase's offset, or the end of the run. */
    public Duration endOf(Phase phase) {
        int index = timeline.indexOf(phase);
        if (index < 0) {
            throw new IllegalArgumentException("phase '" + phase.name() + "' is not in scenario " + name);
        }
        return index + 1 < timeline.size() ? timeline.get(index + 1).at() : duration();
    }

    /**
     * This scenario on a clock {@code factor} times as long: 0.05 plays a 4-minute scenario in 12 s.
     * <p>Scaled by the factor, because they are times: phase offsets, the workload's duration, ramp,
     * timeout and pace, every duration-valued fault parameter (toxic latency, jitter, delays and timeouts; extra TTFT,
     * stalls, retry-after; the OAuth token lifetimes, token-endpoint delay and clock skew), duration gates
     * (latency, time to failover or recover) and duration checks.
     * <p>Divided by the factor, because they are amounts per unit of time and must keep their ratio to the
     * load: the arrival rate, toxic bandwidth and the attempts-per-second check.
     * <p>Kept, because they are counts, ratios or probabilities, not times: token counts ({@code after_tokens}),
     * bytes, probabilities and toxicity, status codes, capability and token-rate multipliers, concurrency,
     * difficulty, percentage, ratio, money and count gates, and the seed.
     * <p>Left to the fakes, which run on the scenario's clock ({@link #worldConfig()} carries {@link #timeScale()}):
     * the models' own pace (TTFT, tokens per second), which lives in the catalog, and the providers' per-minute
     * rate limits, whose minute the fakes shorten or stretch, so a bucket keeps its written burst.
     *
     * @throws IllegalArgumentException for a factor that is not a number above 0, or one that would make an
     *                                  OAuth lifetime shorter than the OAuth server's minimum of 1 s
     */
    public Scenario scaled(double factor) {
        TimeScale.check(factor);
        return new Scenario(name, description, seed, world.scaled(factor), workload.scaled(factor),
                timeline.stream().map(p -> p.scaled(factor)).toList(),
                gates.stream().map(g -> g.scaled(factor)).toList(),
                checks.scaled(factor), timeScale * factor, loadScale, verdict);
    }

    /**
     * This scenario with {@code factor} times its load, on the same clock: for a machine too small for the
     * full load (a CI runner), or a quick look. Multiplied by the factor, so the load keeps its ratio to what
     * it meets: the arrival rate, the number of agents (at least one), the providers' rate limits (quotas the
     * whole load shares) and the attempts-per-second check. Everything else is kept.
     *
     * @throws IllegalArgumentException for a factor that is not a number above 0 and at most 1
     */
    public Scenario loadScaled(double factor) {
        LoadScale.check(factor);
        return new Scenario(name, description, seed, world.loadScaled(factor), workload.loadScaled(factor),
                timeline.stream().map(p -> p.loadScaled(factor)).toList(), gates, checks.loadScaled(factor),
                timeScale, loadScale * factor, verdict);
    }

    /**
     * The baseline of this scenario: the same world, workload, seed, clock, load and phase times, with no
     * fault anywhere — every phase clean and every provider's initial behaviour healthy, rate limits
     * included. Its run is what the scenario's run is measured against.
     */
    public Scenario withoutFaults() {
        return new Scenario(name, description, seed, world.healthy(), workload,
                timeline.stream().map(phase -> new Phase(phase.at(), phase.name(), List.of(), phase.expect())).toList(),
                gates, checks, timeScale, loadScale, verdict);
    }

    /**
     * This scenario sending other tasks: a canary suite or the absolute path of a task file; its rate, timeline,
     * faults, gates and checks unchanged.
     */
    public Scenario withTasks(String tasks) {
        return new Scenario(name, description, seed, world, workload.withTasks(tasks), timeline, gates, checks,
                timeScale, loadScale, verdict);
    }

    /**
     * This scenario with its relative paths (the catalog, providers' cassettes, a task file) made absolute against
     * {@code folder}, so it plays the same from whatever directory it is run.
     */
    Scenario resolvedAgainst(Path folder) {
        List<ProviderConfig> providers = world.providers().stream()
                .map(provider -> provider.cassette() == null ? provider : provider.withCassette(
                        folder.resolve(provider.cassette()).toAbsolutePath().normalize().toString()))
                .toList();
        ScenarioWorld resolvedWorld = new ScenarioWorld(world.host(), world.catalog() == null ? null
                : folder.resolve(world.catalog()).toAbsolutePath().normalize().toString(), world.oauth(), providers);
        Workload resolvedWorkload = workload.canary() ? workload : workload.withTasks(
                folder.resolve(workload.tasks()).toAbsolutePath().normalize().toString());
        return new Scenario(name, description, seed, resolvedWorld, resolvedWorkload, timeline, gates, checks, timeScale,
                loadScale, verdict);
    }

    /** The scenario as YAML in the shape it was read; loading the text gives an equal scenario. */
    public String toYaml() {
        return ScenarioWriter.toYaml(this);
    }
}
