package dev.brownout.internal.run;

import dev.brownout.internal.measure.ProxyConnections;
import dev.brownout.internal.record.ConnectionRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A run folder's connections, as the measurement reads them back: the log, or why there is none. */
class ConnectionsFileTest {

    @TempDir
    Path folder;

    @Test
    void theLinesOfConnectionsJsonlAreTheLog() throws IOException {
        Files.writeString(folder.resolve(ConnectionsFile.NAME), """
                {"seq":3,"time":"2026-12-03T10:29:51.204Z","proxy":"primary","client":"127.0.0.1:53422","outcome":"refused_while_down","duration_ms":0,"bytes_from_client":0,"bytes_to_upstream":0,"bytes_to_client":0}
                """);

        ProxyConnections connections = ConnectionsFile.read(folder);

        assertThat(connections.notCounted()).as("why not counted").isNull();
        assertThat(connections.entries()).extracting(ConnectionRecord::outcome).as("outcomes read back")
                .containsExactly(ConnectionRecord.REFUSED_WHILE_DOWN);
    }

    @Test
    void withoutConnectionsJsonlTheReasonComesFromWorldJson() throws IOException {
        Files.writeString(folder.resolve("world.json"),
                "{\"connections_not_counted\": \"the fault proxy is the real Toxiproxy (container toxiproxy)\"}");

        ProxyConnections connections = ConnectionsFile.read(folder);

        assertThat(connections.notCounted()).as("why not counted")
                .isEqualTo("the fault proxy is the real Toxiproxy (container toxiproxy)");
        assertThat(connections.entries()).as("entries").isEmpty();
    }

    @Test
    void aFolderWithNeitherFileSaysWhatIsMissing() {
        assertThat(ConnectionsFile.read(folder).notCounted()).as("why not counted")
                .isEqualTo("the run folder has no connections.jsonl");
    }
}
