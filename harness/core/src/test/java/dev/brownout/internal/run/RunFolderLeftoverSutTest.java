package dev.brownout.internal.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new run into an output folder first ends the SUT process a killed run left there, and says so on stderr.
 * The pid file is written by hand, as the killed run would have: its harness a pid above the kernel's highest
 * (2^22), so surely dead; its SUT a process this test started, known by the start instant the JDK reports.
 */
class RunFolderLeftoverSutTest {

    @TempDir
    Path out;

    @Test
    void creatingARunFolderEndsTheSutProcessAKilledRunLeftInTheOutputFolder() throws Exception {
        Process leftover = new ProcessBuilder("sleep", "60").start();
        try {
            Path killedRun = Files.createDirectories(out.resolve("20260101-000000-short-outage-my-gateway"));
            Path pidFile = killedRun.resolve("sut-pid.json");
            Files.writeString(pidFile, """
                    {
                      "sut": "my-gateway",
                      "command": ["sleep", "60"],
                      "process": { "pid": %d, "boot_id": null, "start_ticks": -1, "start": "%s" },
                      "process_group": -1,
                      "stop_grace": "1s",
                      "harness": { "pid": %d, "boot_id": null, "start_ticks": -1, "start": "2026-01-01T00:00:00Z" }
                    }
                    """.formatted(leftover.pid(), leftover.info().startInstant().orElseThrow(), (1L << 22) + 1));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream stderr = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            RunFolder folder;
            try {
                folder = RunFolder.create(out, "short-outage", "my-gateway", Instant.now());
            } finally {
                System.setErr(stderr);
            }

            assertThat(endedWithinTenSeconds(leftover)).as("the SUT process the killed run left").isTrue();
            assertThat(pidFile).as("its pid file").doesNotExist();
            assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr of the new run")
                    .startsWith("brownout: ended SUT process " + leftover.pid() + " of 'my-gateway' (sleep 60)")
                    .contains(pidFile.toString());
            assertThat(folder.path()).as("the new run's folder").isDirectory();
        } finally {
            leftover.destroyForcibly();
        }
    }

    private static boolean endedWithinTenSeconds(Process process) throws Exception {
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        }
    }
}
