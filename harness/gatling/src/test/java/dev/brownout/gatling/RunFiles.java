package dev.brownout.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads what a run folder holds: its exchanges, the providers' ledgers, summary.json, result.json, world.json. */
final class RunFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFiles() {
    }

    static List<JsonNode> exchanges(Path folder) throws IOException {
        return lines(folder.resolve("exchanges.jsonl"));
    }

    /** Every call of every provider's ledger ({@code ledger-<provider>.jsonl}). */
    static List<JsonNode> ledgerCalls(Path folder) throws IOException {
        List<JsonNode> calls = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("ledger-.*\\.jsonl")).toList()) {
                calls.addAll(lines(file));
            }
        }
        return calls;
    }

    static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }
}
