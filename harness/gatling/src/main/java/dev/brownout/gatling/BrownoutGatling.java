package dev.brownout.gatling;

import dev.brownout.BrownoutException;
import dev.brownout.LoadRun;
import dev.brownout.RunBuilder;

import java.util.List;
import java.util.Objects;

/**
 * The entry point of a Gatling simulation measured by Brownout. Start the load run in a field of the simulation, so
 * the world and the SUT are up before Gatling builds the protocol and injects the first user:
 *
 * <pre>{@code
 * public class OAuthOutageSimulation extends Simulation {
 *     private final BrownoutLoad brownout = BrownoutGatling.start(
 *             Brownout.scenario("oauth-outage").timeScale(0.1).against(Sut.reference("resilient")));
 *     {
 *         ScenarioBuilder baseline = scenario("baseline").feed(brownout.baselineTasks()).exec(brownout.ask());
 *         ScenarioBuilder chaos = scenario("oauth-outage").feed(brownout.tasks()).exec(brownout.ask());
 *         setUp(baseline.injectOpen(brownout.openInjection())
 *                 .andThen(chaos.injectOpen(brownout.openInjection())))
 *                 .protocols(brownout.httpProtocol());
 *     }
 *     @Override public void before() { brownout.before(); }
 *     @Override public void after() { brownout.after(); }
 * }
 * }</pre>
 */
public final class BrownoutGatling {

    private BrownoutGatling() {
    }

    /**
     * Starts the load run: the world behind its fault proxies and the SUT, now (see
     * {@link RunBuilder#startLoadRun()}). Warns on standard error when Gatling's configuration would send traffic off
     * the machine. When Gatling ends without calling {@link BrownoutLoad#after()} (it skips {@code after()} when its
     * run crashes, and then rethrows out of {@code main}, or exits), the run is finished, marked incomplete with the
     * reason {@value BrownoutLoad#GATLING_ENDED_EARLY}: by a JVM shutdown hook, and by a daemon thread that waits for
     * the constructing thread (Gatling's main thread) to end. So the world is always closed and what was measured
     * kept.
     *
     * @throws IllegalStateException when the run could not start (a SUT that cannot start, a port that cannot bind,
     *                               a scenario or SUT a load run cannot play); the message names the cause, the world
     *                               is closed already, and Gatling fails the simulation before any user is injected
     */
    public static BrownoutLoad start(RunBuilder run) {
        Objects.requireNonNull(run, "a run, e.g. Brownout.scenario(\"oauth-outage\").against(Sut.reference(\"resilient\"))");
        List<String> outside = GatlingSettings.outsideTraffic();
        for (String setting : outside) {
            System.err.println("WARNING Brownout: Gatling's configuration reaches outside this machine: " + setting
                    + " (in src/test/resources/gatling.conf; see brownout-gatling's gatling.conf template)");
        }
        LoadRun load;
        try {
            load = run.startLoadRun();
        } catch (BrownoutException | IllegalArgumentException e) {
            // RunNotStartedException among them: the world is closed and the run folder keeps the cause
            throw new IllegalStateException("Brownout could not start the load run, so no user is injected: "
                    + e.getMessage(), e);
        }
        return new BrownoutLoad(load);
    }
}
