package dev.brownout;

import dev.brownout.fakes.WorldConfig;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.fakes.admin.AdminToken;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.scenario.LibraryScenario;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of Brownout as a library: a measured run of a scenario against a system under test, or a
 * scenario's fake world for a test that drives its own code.
 *
 * <pre>{@code
 * BrownoutRun run = Brownout.scenario("oauth-outage")
 *         .timeScale(0.1)
 *         .against(Sut.openAiChat(gatewayUrl))
 *         .run();
 * run.result().quality().iqLoss();  run.gates().passed();  run.reportHtml();
 *
 * try (BrownoutWorld world = Brownout.world("oauth-outage")) {
 *     world.provider("primary").baseUrl();
 *     world.enter("oauth-down");
 * }
 * }</pre>
 */
public final class Brownout {

    private Brownout() {
    }

    /**
     * A measured run of a shipped scenario (by name, see {@link #library()}) or of a scenario file.
     *
     * @throws IllegalArgumentException for a name that is neither a file nor a shipped scenario, naming the shipped ones
     * @throws dev.brownout.scenario.ScenarioException for a scenario file with problems, each with its line and field
     */
    public static RunBuilder scenario(String nameOrFile) {
        return new RunBuilder(ScenarioSource.resolve(nameOrFile));
    }

    /** A measured run of the scenario file at {@code file}; a task file it names is looked up beside it. */
    public static RunBuilder scenario(Path file) {
        return new RunBuilder(ScenarioSource.fromFile(file));
    }

    /** A measured run of a scenario built or changed in code. */
    public static RunBuilder scenario(Scenario scenario) {
        return new RunBuilder(ScenarioSource.of(scenario));
    }

    /**
     * Starts the fake world of a shipped scenario (by name) or of a scenario file, every fake behind its own
     * embedded fault proxy on loopback. Close it when done (try-with-resources).
     */
    public static BrownoutWorld world(String nameOrFile) {
        return world(ScenarioSource.resolve(nameOrFile).scenario());
    }

    /** Starts the fake world of a scenario built or changed in code, behind the embedded fault proxy. */
    public static BrownoutWorld world(Scenario scenario) {
        Objects.requireNonNull(scenario, "a scenario");
        return new BrownoutWorld(scenario.name(), scenario.timeline(), ProxiedWorld.start(scenario));
    }

    /**
     * Starts the fake world of {@code scenario} behind the proxies of {@code backend} (an external Toxiproxy,
     * or the real image through {@code brownout-fault-proxy-container}); the world owns the backend from here
     * on and closes it.
     */
    public static BrownoutWorld world(Scenario scenario, FaultProxyBackend backend) {
        Objects.requireNonNull(scenario, "a scenario");
        Objects.requireNonNull(backend, "a fault proxy backend");
        return new BrownoutWorld(scenario.name(), scenario.timeline(), ProxiedWorld.start(scenario.worldConfig(), backend));
    }

    /**
     * Starts a world from a world file's configuration alone (see {@code docs/fakes.md}), with no scenario and so
     * no phases, behind the embedded fault proxy; {@link WorldConfig#defaults()} is one OpenAI and one Anthropic
     * provider.
     */
    public static BrownoutWorld world(WorldConfig config) {
        Objects.requireNonNull(config, "a world configuration; WorldConfig.defaults() for one OpenAI and one Anthropic provider");
        return new BrownoutWorld("world", List.of(), ProxiedWorld.start(config, FaultProxyBackend.embedded()));
    }

    /**
     * Starts a world from a world file's configuration, with every listener (fakes, proxies, the proxy control API)
     * on {@code config.host()}, and every admin and control call requiring {@code adminToken}: for a world other hosts
     * drive ({@code brownout fakes --host}). {@link BrownoutWorld#description()} is what they need to do so.
     */
    public static BrownoutWorld world(WorldConfig config, AdminToken adminToken) {
        Objects.requireNonNull(config, "a world configuration; WorldConfig.defaults() for one OpenAI and one Anthropic provider");
        Objects.requireNonNull(adminToken, "an admin token; AdminToken.none() for none");
        return new BrownoutWorld("world", List.of(), hosted(config, adminToken));
    }

    /**
     * As {@link #world(String)}, on the scenario's clock scaled by {@code timeScale} (as a run played at that time
     * scale has it), with every listener on {@code host} and every admin and control call requiring
     * {@code adminToken}, as {@link #world(WorldConfig, AdminToken)}.
     */
    public static BrownoutWorld world(String nameOrFile, double timeScale, String host, AdminToken adminToken) {
        Objects.requireNonNull(host, "an address to bind to, e.g. 127.0.0.1");
        Objects.requireNonNull(adminToken, "an admin token; AdminToken.none() for none");
        Scenario scenario = ScenarioSource.resolve(nameOrFile).scenario().scaled(timeScale);
        return new BrownoutWorld(scenario.name(), scenario.timeline(),
                hosted(scenario.worldConfig().withHost(host), adminToken));
    }

    private static ProxiedWorld hosted(WorldConfig config, AdminToken adminToken) {
        // the proxies listen where the fakes do, and reach them there
        FaultProxyBackend backend = config.host().equals(WorldConfig.LOOPBACK) && !adminToken.required()
                ? FaultProxyBackend.embedded()
                : FaultProxyBackend.embedded(config.host(), adminToken.required() ? adminToken.value() : null);
        return ProxiedWorld.start(config, backend, adminToken);
    }

    /**
     * A scorecard of a pack: a shipped pack by name ({@code failover}), a folder of scenario files (played in file
     * name order), or a single scenario (a shipped pack's {@code failover/server-error-once}, or a file).
     *
     * @throws IllegalArgumentException for a name that is no pack, folder or scenario, naming the shipped packs
     * @throws dev.brownout.scenario.ScenarioException for a scenario file with problems, each with its line and field
     */
    public static ScorecardBuilder scorecard(String packOrFolder) {
        return ScorecardBuilder.of(PackSource.resolve(packOrFolder));
    }

    /**
     * Judges a stored scorecard's runs again under the current rules, without replaying them: each cell's result is
     * measured again from its run folder, its {@code result.json} and reports rewritten, and the scorecard files
     * too. {@link BrownoutScorecard#changes()} lists the cells whose verdict changed.
     *
     * @param require when given, replaces which cells are required (patterns as {@link ScorecardBuilder#require})
     * @throws IllegalArgumentException for a folder that holds no scorecard, or a pattern naming no scenario or SUT
     */
    public static BrownoutScorecard rescore(Path scorecardFolder, String... require) {
        Objects.requireNonNull(scorecardFolder, "a scorecard folder");
        return ScorecardPlay.rescore(scorecardFolder, List.of(require));
    }

    /** The shipped scenarios, by name, each with a one-line summary. */
    public static List<LibraryScenario> library() {
        return ScenarioLibrary.list();
    }
}
