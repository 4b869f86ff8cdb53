package dev.brownout.junit;

import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.function.Function;

/**
 * Runs a fixture class by name and answers with what its first failure said; made through reflection inside a
 * class loader that lacks some artifacts, so that the fixture runs as a user's test would without them.
 */
public final class FixtureRunner implements Function<String, String> {

    @Override
    public String apply(String fixtureClassName) {
        try {
            EngineExecutionResults results = Fixtures.run(Class.forName(fixtureClassName));
            return results.allEvents().failed().stream().map(Fixtures::thrown).flatMap(java.util.Optional::stream)
                    .map(Throwable::toString).findFirst().orElse("no failure");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
