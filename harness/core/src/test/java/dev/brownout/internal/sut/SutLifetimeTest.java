package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A SUT process never outlives the harness: its own group, a parent-death signal, a watchdog and a pid file. */
class SutLifetimeTest {

    private static final Duration GONE_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private StartedSut start(String command) {
        SutSpec spec = SutSpec.parse("""
                name: lifetime
                adapter: command
                command: { argv: [cat] }
                process:
                  command: %s
                  ready: { log_line: started, timeout: 10s }
                  stop_grace: 1s
                """.formatted(command), "sut.yaml", folder);
        return SutStarter.start(spec, SutFixtures.paperWorld(), SutFixtures.environmentOf(SutFixtures.paperWorld()),
                folder, 1.0);
    }

    private static void assumeUtilLinux() {
        Assumptions.assumeTrue(SutLauncher.ownGroups() && SutLauncher.parentDeathSignal() && ProcStat.available(),
                "no setsid/setpriv with --pdeathsig (util-linux) or no /proc here: the group and the parent-death "
                        + "signal are Linux features");
    }

    private static SutWatchdog watchdogOf(StartedSut sut) {
        return sut.watchdog().orElseThrow(() -> new AssertionError("no watchdog: no sh to start one"));
    }

    private static boolean endsWithin(ProcessHandle process, Duration wait) {
        return ProcStat.awaitEnd(process, wait.toNanos());
    }

    @Test
    void aSutProcessLeadsAProcessGroupOfItsOwn() {
        assumeUtilLinux();
        try (StartedSut sut = start("[sh, -c, 'echo started; exec sleep 60']")) {
            long pid = sut.process().orElseThrow().pid();
            long group = ProcStat.of(pid).orElseThrow().processGroup();
            long harnessGroup = ProcStat.of(ProcessHandle.current().pid()).orElseThrow().processGroup();

            assertThat(group).as("process group of the SUT (pid %d), the harness's being %d", pid, harnessGroup)
                    .isEqualTo(pid).isNotEqualTo(harnessGroup);
        }
    }

    @Test
    void aSutStartedFromAThreadThatThenEndsKeepsRunning() throws Exception {
        assumeUtilLinux();
        AtomicReference<StartedSut> started = new AtomicReference<>();
        Thread starter = Thread.ofPlatform().name("short-lived-starter").start(
                () -> started.set(start("[sh, -c, 'echo started; exec sleep 60']")));
        starter.join();
        try (StartedSut sut = started.get()) {
            assertThat(sut).as("the SUT the ended thread started").isNotNull();
            ProcessHandle process = sut.process().orElseThrow();

            // Linux sends the parent-death signal when the forking thread ends; it is delivered at that thread's exit
            assertThat(endsWithin(process, Duration.ofSeconds(1)))
                    .as("the SUT ended within 1 s after the thread that started it ended").isFalse();
        }
    }

    @Test
    void theWatchdogEndsTheSutAndWhatItStartedWhenTheHarnessEndOfItsPipeCloses() throws Exception {
        assumeUtilLinux();
        try (StartedSut sut = start("[sh, -c, 'sleep 60 & sleep 60 & echo started; wait']")) {
            ProcessHandle leader = sut.process().orElseThrow();
            List<ProcessHandle> group = new ArrayList<>(ProcStat.groupMembers(leader.pid()));
            assertThat(group).as("the SUT's group: the shell and its two sleeps").hasSize(3);
            SutWatchdog watchdog = watchdogOf(sut);

            watchdog.closePipeAsIfTheHarnessDied();

            for (ProcessHandle member : group) {
                assertThat(endsWithin(member, GONE_WITHIN)).as("process %d of the SUT's group ended within %s of the "
                        + "watchdog's pipe closing", member.pid(), GONE_WITHIN).isTrue();
            }
            assertThat(endsWithin(watchdog.handle(), GONE_WITHIN)).as("the watchdog left after its work").isTrue();
        }
    }

    @Test
    void theRunFolderHoldsAPidFileWhileTheSutRunsWithoutTheRenderedCommand() throws Exception {
        try (StartedSut sut = start("[sh, -c, 'echo started {{env.BROWNOUT_PRIMARY_API_KEY}}; exec sleep 60']")) {
            JsonNode pidFile = Mappers.json().readTree(folder.resolve(SutPidFile.NAME).toFile());
            long pid = sut.process().orElseThrow().pid();

            assertThat(pidFile.path("process").path("pid").asLong()).as("sut-pid.json: process.pid").isEqualTo(pid);
            assertThat(pidFile.path("harness").path("pid").asLong()).as("sut-pid.json: harness.pid")
                    .isEqualTo(ProcessHandle.current().pid());
            assertThat(pidFile.path("sut").asText()).as("sut-pid.json: sut").isEqualTo("lifetime");
            assertThat(pidFile.path("command").get(2).asText()).as("sut-pid.json: the command as the SUT file wrote it")
                    .isEqualTo("echo started {{env.BROWNOUT_PRIMARY_API_KEY}}; exec sleep 60");
            assertThat(SutPidFile.read(folder.resolve(SutPidFile.NAME)).process().stillRuns())
                    .as("the pid file's identity names the running SUT").isTrue();
        }
    }

    @Test
    void aCleanStopRemovesThePidFileAndReleasesTheWatchdogWithoutAKill() throws Exception {
        StartedSut sut = start("[sh, -c, 'echo started; exec sleep 60']");
        ProcessHandle watchdog = watchdogOf(sut).handle();

        sut.close();

        assertThat(folder.resolve(SutPidFile.NAME)).as("the pid file after a clean stop").doesNotExist();
        assertThat(endsWithin(watchdog, GONE_WITHIN)).as("the watchdog left after the clean stop").isTrue();
    }

    @Test
    void aProgramNotOnThePathIsStillTheStartsOwnError() {
        assertThatThrownBy(() -> SutLauncher.start(new ProcessBuilder("no-such-brownout-program-anywhere")))
                .as("starting a program that is nowhere on the PATH")
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("no-such-brownout-program-anywhere");
    }
}
