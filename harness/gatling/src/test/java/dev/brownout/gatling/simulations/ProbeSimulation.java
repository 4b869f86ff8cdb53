package dev.brownout.gatling.simulations;

import dev.brownout.Baseline;
import dev.brownout.Brownout;
import dev.brownout.RunBuilder;
import dev.brownout.Sut;
import dev.brownout.gatling.Ask;
import dev.brownout.gatling.BrownoutGatling;
import dev.brownout.gatling.BrownoutLoad;
import dev.brownout.gatling.SessionKeys;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The simulation the module's tests fork Gatling with, set by system properties:
 * {@code probe.scenario} (a file or a library name), {@code probe.sut} ({@code reference:<name>} or a SUT file),
 * {@code probe.timeScale} (default 0.1), {@code probe.baseline} ({@code auto} or {@code none}, default none),
 * {@code probe.fed} (a file each fed task id is appended to), {@code probe.feedLimit} (the feeder runs dry after this
 * many tasks: Gatling's injection crashes), {@code probe.failStep} (a step after ask throws),
 * {@code probe.failAssertion} (an assertion that cannot hold), {@code probe.wrongKo} (wrong answers are KO),
 * {@code probe.results} (a file each user appends the session's Brownout results to after ask, tab-separated).
 */
public class ProbeSimulation extends Simulation {

    private final BrownoutLoad brownout = BrownoutGatling.start(run());

    {
        ChainBuilder ask = brownout.ask(Boolean.getBoolean("probe.wrongKo") ? Ask.named("probe").markWrongAnswersKo()
                : Ask.named("probe"));
        if (System.getProperty("probe.results") != null) {
            ask = ask.exec(session -> {
                append(System.getProperty("probe.results"), String.join("\t", session.getString(SessionKeys.TASK_ID),
                        String.valueOf(session.getIntegerWrapper(SessionKeys.STATUS)),
                        String.valueOf(session.getDoubleWrapper(SessionKeys.SCORE)),
                        String.valueOf(session.getLongWrapper(SessionKeys.FIRST_TOKEN_MILLIS)),
                        String.valueOf(session.getString(SessionKeys.FINISH_REASON)),
                        String.valueOf(session.getBooleanWrapper(SessionKeys.TRUNCATED)),
                        String.valueOf(session.getString(SessionKeys.ANSWER)).replace('\n', ' ')));
                return session;
            });
        }
        if (Boolean.getBoolean("probe.failStep")) {
            ask = ask.exec(exec(session -> {
                throw new IllegalStateException("a user's step failed on purpose");
            }));
        }
        ScenarioBuilder measured = scenario("measured").feed(fed(limited(brownout.tasks()))).exec(ask);
        PopulationBuilder population = measured.injectOpen(brownout.openInjection());
        if ("auto".equals(System.getProperty("probe.baseline"))) {
            ScenarioBuilder baseline = scenario("baseline").feed(fed(brownout.baselineTasks())).exec(ask);
            population = baseline.injectOpen(brownout.openInjection()).andThen(population);
        }
        SetUp setUp = setUp(population).protocols(brownout.httpProtocol());
        if (Boolean.getBoolean("probe.failAssertion")) {
            setUp.assertions(global().successfulRequests().percent().lt(0.0));
        }
    }

    private static RunBuilder run() {
        String sut = System.getProperty("probe.sut", "reference:resilient");
        RunBuilder run = Brownout.scenario(System.getProperty("probe.scenario"))
                .timeScale(Double.parseDouble(System.getProperty("probe.timeScale", "0.1")))
                .against(sut.startsWith("reference:") ? Sut.reference(sut.substring("reference:".length()))
                        : Sut.fromFile(Path.of(sut)));
        return "auto".equals(System.getProperty("probe.baseline")) ? run.baseline(Baseline.auto()) : run.noBaseline();
    }

    private static Iterator<Map<String, Object>> limited(Iterator<Map<String, Object>> tasks) {
        int limit = Integer.getInteger("probe.feedLimit", Integer.MAX_VALUE);
        return new Iterator<>() {
            private int fed;

            @Override
            public boolean hasNext() {
                return fed < limit;
            }

            @Override
            public Map<String, Object> next() {
                fed++;
                return tasks.next();
            }
        };
    }

    private static Iterator<Map<String, Object>> fed(Iterator<Map<String, Object>> tasks) {
        String file = System.getProperty("probe.fed");
        if (file == null) {
            return tasks;
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return tasks.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                Map<String, Object> record = tasks.next();
                append(file, String.valueOf(record.get(SessionKeys.TASK_ID)));
                return record;
            }
        };
    }

    private static synchronized void append(String file, String line) {
        try {
            Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void before() {
        brownout.before();
    }

    @Override
    public void after() {
        brownout.after();
    }
}
