package dev.brownout.internal.sut;

import dev.brownout.scenario.SutCapability;
import dev.brownout.sut.SutClient;
import dev.brownout.world.WorldEndpoints;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How a run gets its system under test once the world is up: from a SUT file or shorthand, or built in
 * this JVM from the world's endpoints.
 */
public interface SutFactory {

    /** How the run names the SUT, in its folder name and summary. */
    String name();

    StartedSut start(WorldEndpoints endpoints, Map<String, String> worldEnvironment, Path runDir, double timeScale);

    /** The capabilities the SUT declares it does not have; the checks that need one of them are not applicable. */
    default Set<SutCapability> lacking() {
        return Set.of();
    }

    /** The SUT a SUT file or {@code --sut} shorthand describes. */
    static SutFactory of(SutSpec spec) {
        Objects.requireNonNull(spec, "a SUT spec");
        return new SutFactory() {
            @Override
            public String name() {
                return spec.name();
            }

            @Override
            public StartedSut start(WorldEndpoints endpoints, Map<String, String> worldEnvironment, Path runDir,
                                    double timeScale) {
                return SutStarter.start(spec, endpoints, worldEnvironment, runDir, timeScale);
            }

            @Override
            public Set<SutCapability> lacking() {
                return spec.capabilities().lacking();
            }
        };
    }

    /**
     * A SUT inside this JVM, built once the world's endpoints are known; closed after the run when it is
     * {@link AutoCloseable}.
     */
    static SutFactory inJvm(String name, Function<WorldEndpoints, SutClient> build) {
        Objects.requireNonNull(name, "a SUT name");
        Objects.requireNonNull(build, "a SUT builder");
        return new SutFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StartedSut start(WorldEndpoints endpoints, Map<String, String> worldEnvironment, Path runDir,
                                    double timeScale) {
                SutClient sut = build.apply(endpoints);
                return new StartedSut(name, sut, null, null, sut instanceof AutoCloseable closeable ? List.of(closeable) : List.of());
            }
        };
    }
}
