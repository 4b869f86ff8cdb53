package dev.brownout.fakes.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a one-model catalog file for a benchmark, so the fake's simulated latency is set by the benchmark
 * rather than by the default catalog's realistic (and, for a throughput test, dominating) figures.
 */
final class BenchCatalog {

    private BenchCatalog() {
    }

    /** A catalog whose only model (rate written as plain decimal text, never in exponent form)  answers with zero time to first token at the given output rate. */
    static Path write(Path directory, String modelId, double tokensPerSecond) throws IOException {
        String yaml = """
                checked: 2026-11-28
                models:
                  - id: %s
                    tier: bench
                    capability: 1.0
                    latency: { ttft_median: 0s, ttft_p99: 0s, tokens_per_second: %s }
                    price: { input: 0, output: 0 }
                    context_window: 200000
                    source: benchmark model, zero TTFT
                """.formatted(modelId, new BigDecimal(tokensPerSecond).stripTrailingZeros().toPlainString());
        Path file = directory.resolve(modelId + "-catalog.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
