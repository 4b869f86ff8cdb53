package dev.brownout.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.internal.measure.ProxyConnections;
import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.internal.world.ProxyConnectionLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code connections.jsonl}, beside the ledgers: every connection the fault proxy accepted in front of the world's
 * targets while the world was up, one {@link ConnectionRecord} per line, with the attempts that never reached a
 * ledger. A fault proxy that keeps no such log (the real Toxiproxy) leaves no file; {@code world.json} then says
 * why ({@link WorldListing#connectionsNotCounted()}).
 */
final class ConnectionsFile {

    static final String NAME = "connections.jsonl";
    private static final ObjectMapper JSON = Mappers.json();

    private ConnectionsFile() {
    }

    /** Writes the log the world read as it closed; a failure or a log that lost entries is kept as a warning. */
    static void keep(ProxiedWorld world, RunFolder folder, ErrorFile errors) {
        try {
            ProxyConnectionLog log = world.connectionLog();
            if (log.kept()) {
                folder.writeJsonLines(NAME, log.entries());
            }
            if (log.dropped() > 0) {
                errors.survived("keeping the fault proxy's connection log", new IllegalStateException(log.dropped()
                        + " connection(s) were evicted from the bounded log before they were read; connection"
                        + " attempts are undercounted"));
            }
        } catch (RuntimeException e) {
            errors.survived("keeping the fault proxy's connection log", e);
        }
    }

    /** The connections a played run's folder holds, or why it holds none. */
    static ProxyConnections read(Path folder) {
        Path file = folder.resolve(NAME);
        if (Files.exists(file)) {
            List<ConnectionRecord> entries = new ArrayList<>();
            try {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        entries.add(JSON.readValue(line, ConnectionRecord.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            return ProxyConnections.of(entries);
        }
        return ProxyConnections.notCounted(notCountedReason(folder.resolve("world.json")));
    }

    private static String notCountedReason(Path worldJson) {
        if (Files.exists(worldJson)) {
            try {
                JsonNode reason = JSON.readTree(worldJson.toFile()).path("connections_not_counted");
                if (reason.isTextual()) {
                    return reason.asText();
                }
            } catch (IOException e) {
                return "the run folder has no " + NAME + " and its world.json cannot be read: " + e.getMessage();
            }
        }
        return "the run folder has no " + NAME;
    }
}
