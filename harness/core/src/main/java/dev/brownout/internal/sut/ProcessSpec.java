package dev.brownout.internal.sut;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SUT the harness starts as a process before the run and stops after it.
 *
 * @param command        program and arguments, each a template over the world (with {@code port},
 *                       {@code run_dir} and {@code config_file})
 * @param workingDir     where it runs; null for the run folder
 * @param environment    added to the world's {@code BROWNOUT_*} variables, values templated
 * @param configTemplate a Mustache file rendered into the run folder before the start; null for none
 * @param ready          how to know it is ready; null waits for a TCP connection to the SUT's base URL
 * @param stopGrace      how long it gets after SIGTERM before it is killed
 */
public record ProcessSpec(List<String> command, Path workingDir, Map<String, String> environment, Path configTemplate,
                          ReadinessCheck ready, Duration stopGrace) {

    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    public ProcessSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a SUT process needs a program to run");
        }
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        stopGrace = stopGrace == null ? DEFAULT_STOP_GRACE : stopGrace;
    }

    public Optional<Path> configTemplateFile() {
        return Optional.ofNullable(configTemplate);
    }
}
