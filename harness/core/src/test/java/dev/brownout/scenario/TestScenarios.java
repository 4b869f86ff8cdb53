package dev.brownout.scenario;

import java.nio.file.Path;

/** A valid scenario text whose lines the error tests change one at a time, and the shipped library's folder. */
final class TestScenarios {

    /** The scenario library at the repository root, seen from the harness module where tests run. */
    static final Path LIBRARY = Path.of("..", "..", "scenarios", "library");
    static final Path SCHEMA = Path.of("..", "..", "scenarios", "schema", "scenario.schema.json");

    static final String ORIGIN = "test.yaml";

    /** Line numbers matter: the tests expect problems at them. */
    static final String VALID = """
            name: test-scenario
            description: A scenario for tests.
            seed: 1
            world:
              oauth: { token_ttl: 60s }
              providers:
                - { name: primary, dialect: openai, models: [frontier], auth: oauth }
                - { name: backup, dialect: anthropic, models: [mid] }
            workload:
              tasks: canary-arithmetic
              rate: 20/s
              duration: 4m
              timeout: 30s
            timeline:
              - at: 0s
                phase: steady
              - at: 60s
                phase: broken
                faults:
                  - target: primary
                    network:
                      toxics:
                        - { type: latency, latency: 2s, jitter: 100ms }
                    http:
                      faults:
                        - { type: error, status: 529, probability: 0.5 }
              - at: 150s
                phase: recovery
            gates:
              iq_loss: "< 5%"
              p99_latency: "< 8s"
            """;

    private TestScenarios() {
    }

    /** The valid text with one exact piece replaced; fails loudly if the piece is not there. */
    static String with(String piece, String replacement) {
        if (!VALID.contains(piece)) {
            throw new IllegalArgumentException("the test scenario has no '" + piece + "'");
        }
        return VALID.replace(piece, replacement);
    }
}
