package dev.brownout.gatling.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The benchmark's scenario at one arrival rate: two OpenAI-dialect providers with instant models (the primary's
 * better than the backup's), a healthy first third, a middle third with the primary answering 503 to half of its
 * requests, and a recovery third. Rate limits are lifted on every phase (each phase sets a provider's whole
 * behaviour, and the fakes' default of 10,000 requests a minute would answer a high rate with 429s).
 */
final class BenchScenario {

    private static final String LIFTED = "rate_limit: { requests_per_minute: 1000000000, tokens_per_minute: 2000000000 }";

    private BenchScenario() {
    }

    /** Writes the scenario to {@code folder/scenario-<mode>-<rate>.yaml}, its catalog beside it, and returns its path. */
    static Path write(Path folder, int ratePerSecond, int seconds, boolean stream) throws IOException {
        long third = seconds * 1000L / 3;
        String yaml = String.format(Locale.ROOT, """
                name: gatling-bench
                description: >-
                  GatlingLoadBenchmark's scenario: %d tasks a second for %d s against instant models, the primary
                  answering 503 to half of its requests in the middle third.
                seed: 7
                world:
                  catalog: bench-catalog.yaml
                  providers:
                    - { name: primary, dialect: openai, models: [bench-frontier], auth: api-key, behaviour: { %s } }
                    - { name: backup, dialect: openai, models: [bench-small], auth: api-key, behaviour: { %s } }
                workload: { tasks: canary-arithmetic, rate: %d/s, duration: %ds, stream: %s, timeout: 10s }
                timeline:
                  - at: 0s
                    phase: healthy
                    faults:
                      - { target: primary, http: { %s } }
                      - { target: backup, http: { %s } }
                  - at: %dms
                    phase: primary-errors
                    faults:
                      - { target: primary, http: { %s, faults: [ { type: error, status: 503, probability: 0.5 } ] } }
                      - { target: backup, http: { %s } }
                  - at: %dms
                    phase: recovery
                    faults:
                      - { target: primary, http: { %s } }
                      - { target: backup, http: { %s } }
                """, ratePerSecond, seconds, LIFTED, LIFTED, ratePerSecond, seconds, stream, LIFTED, LIFTED,
                third, LIFTED, LIFTED, 2 * third, LIFTED, LIFTED);
        Path file = folder.resolve("scenario-" + (stream ? "stream" : "plain") + "-" + ratePerSecond + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
