package dev.brownout.examples.gatling;

import dev.brownout.Brownout;
import dev.brownout.Sut;
import dev.brownout.gatling.BrownoutGatling;
import dev.brownout.gatling.BrownoutLoad;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;
import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * A Gatling load run that Brownout measures: the shipped {@code oauth-outage} scenario (the identity provider's
 * token endpoint goes dark for longer than a token lives) played against the resilient reference gateway. Gatling
 * sends the load and judges its own assertions; Brownout grades every answer, plays the fault timeline from the
 * first user of the outage population, measures IQ loss against the baseline population and judges the scenario's
 * gates.
 */
// README: gatling-simulation
public class OAuthOutageSimulation extends Simulation {

    // 1 plays the scenario as written (4 minutes, 20 tasks/s); the build plays 0.05 and 0.25: 12 s, 100 tasks/s
    private static final double TIME_SCALE = scale("brownout.timeScale");
    private static final double LOAD_SCALE = scale("brownout.loadScale");

    private final BrownoutLoad brownout = BrownoutGatling.start(Brownout.scenario("oauth-outage")
            .timeScale(TIME_SCALE)
            .loadScale(LOAD_SCALE)
            .against(Sut.reference("resilient"))             // started in this JVM, in front of the fake world
            .outputTo(Path.of("target/brownout-runs")));     // the run folder, beside Gatling's target/gatling

    {
        // unmeasured requests first, rising gently: a cold JVM answers slower than the gateway's budgets at a small
        // time scale, and its circuit breaker would still be open when the baseline begins
        ScenarioBuilder warmUp = scenario("warm-up").exec(http("warm-up").post("/chat/completions").asJson()
                .body(StringBody("{\"model\":\"frontier\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"What is 2 + 2?\"}]}")));
        ScenarioBuilder baseline = scenario("baseline").feed(brownout.baselineTasks()).exec(brownout.ask("chat"));
        ScenarioBuilder outage = scenario("oauth-outage").feed(brownout.tasks()).exec(brownout.ask("chat"));

        int budget = (int) brownout.run().taskTimeout().toMillis();         // a task's, 30 s on the scenario's clock

        setUp(warmUp.injectOpen(rampUsersPerSec(5).to(50).during(Duration.ofSeconds(6)),
                        nothingFor(Duration.ofSeconds(2)))                      // time for the breaker to close
                .andThen(baseline.injectOpen(brownout.openInjection())          // no fault: what IQ loss compares to
                        .andThen(outage.injectOpen(brownout.openInjection())))) // its first user starts the timeline
                .protocols(brownout.httpProtocol())
                .assertions(
                        details("chat").responseTime().percentile(99.0).lt(budget),   // "chat": until the reply starts
                        details("chat").failedRequests().percent().lt(5.0));          // as the availability gate
    }

    @Override
    public void before() {
        brownout.before();
    }

    @Override
    public void after() {
        brownout.after();                                    // measures, writes the reports, judges the gates
    }

    private static double scale(String property) {
        String value = System.getProperty(property, "1");
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + " must be a number such as 0.05, was '" + value + "'");
        }
    }
}
// README end
