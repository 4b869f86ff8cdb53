package dev.brownout.gatling.bench;

import dev.brownout.Baseline;
import dev.brownout.Brownout;
import dev.brownout.Sut;
import dev.brownout.gatling.BrownoutGatling;
import dev.brownout.gatling.BrownoutLoad;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * One step of {@link GatlingLoadBenchmark}, run by a forked Gatling: the step's scenario (an open arrival rate, a
 * healthy phase and a fault phase) played with the brownout-gatling DSL against the gateway process the SUT file
 * starts. The step's settings come as system properties ({@code bench.*}, set by the benchmark). With a baseline
 * population (the default) it is played first and doubles as the warm-up of this JVM, the world and the gateway
 * process; from the first measured task a {@link StepProbe} takes the CPU of this JVM and of the gateway and a JFR
 * recording.
 */
public class GatlingBenchSimulation extends Simulation {

    private final boolean withBaseline = Boolean.parseBoolean(System.getProperty("bench.baseline", "true"));
    private final BrownoutLoad brownout = BrownoutGatling.start(Brownout.scenario(path("bench.scenario"))
            .against(Sut.fromFile(path("bench.sut")))
            .baseline(withBaseline ? Baseline.auto() : Baseline.none())
            .outputTo(path("bench.runs")));
    private final StepProbe probe = StepProbe.fromSystemProperties();

    {
        ChainBuilder ask = brownout.ask();
        PopulationBuilder measured = scenario("measured").feed(probe.startingWith(brownout.tasks())).exec(ask)
                .injectOpen(brownout.openInjection());
        PopulationBuilder load = withBaseline
                ? scenario("baseline").feed(brownout.baselineTasks()).exec(ask)
                        .injectOpen(brownout.openInjection()).andThen(measured)
                : measured;
        setUp(load).protocols(brownout.httpProtocol());
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: this simulation is run by "
                    + "GatlingLoadBenchmark, which sets it");
        }
        return Path.of(value);
    }

    @Override
    public void before() {
        brownout.before();
    }

    @Override
    public void after() {
        probe.stop();
        brownout.after();
        probe.write(brownout.run().folder());
    }
}
