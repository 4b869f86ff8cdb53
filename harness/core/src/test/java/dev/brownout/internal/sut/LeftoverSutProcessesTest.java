package dev.brownout.internal.sut;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next run ends what a killed run left: pid files of dead harnesses, with hand-built pid files for processes
 * this test starts (a dead harness is a pid above the kernel's highest, 2^22, which no process can have).
 */
class LeftoverSutProcessesTest {

    private static final ProcessIdentity DEAD_HARNESS = new ProcessIdentity((1L << 22) + 1, null, -1,
            java.time.Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path out;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void endStarted() {
        started.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            ProcStat.groupMembers(process.pid()).forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    /** A stand-in SUT, started as a real one is: a shell with a child, in its own group where util-linux is. */
    private Process leftover() throws IOException, InterruptedException {
        Process process = SutLauncher.start(new ProcessBuilder("sh", "-c", "sleep 60 & wait"));
        started.add(process);
        assertThat(awaitChild(process)).as("the stand-in SUT started its child").isTrue();
        return process;
    }

    private Path pidFile(String run, SutPidFile content) throws IOException {
        Path runDir = Files.createDirectories(out.resolve(run));
        content.write(runDir);
        return runDir.resolve(SutPidFile.NAME);
    }

    private static SutPidFile of(ProcessIdentity process, ProcessIdentity harness) {
        return new SutPidFile("left-behind", List.of("sh", "-c", "sleep 60 & wait"), process,
                SutLauncher.ownGroups() ? process.pid() : -1, Duration.ofSeconds(1), harness);
    }

    private static boolean endsWithin(ProcessHandle process, Duration wait) {
        return ProcStat.awaitEnd(process, wait.toNanos());
    }

    private static boolean awaitChild(Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (process.descendants().findAny().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return process.descendants().findAny().isPresent();
    }

    @Test
    void aLiveSutOfADeadHarnessIsEndedWithItsChildrenAndItsPidFileRemoved() throws Exception {
        Process sut = leftover();
        List<ProcessHandle> children = sut.descendants().toList();
        Path file = pidFile("20260101-000000-run-sut", of(ProcessIdentity.of(sut.pid()).orElseThrow(), DEAD_HARNESS));

        List<String> report = LeftoverSutProcesses.endUnder(out);

        assertThat(endsWithin(sut.toHandle(), Duration.ofSeconds(10))).as("the left SUT process ended").isTrue();
        for (ProcessHandle child : children) {
            assertThat(endsWithin(child, Duration.ofSeconds(10))).as("the left SUT's child %d ended", child.pid()).isTrue();
        }
        assertThat(file).as("its pid file, once the process ended").doesNotExist();
        assertThat(report).as("what the sweep told").singleElement().asString()
                .startsWith("ended SUT process " + sut.pid() + " of 'left-behind'").contains(file.toString());
    }

    @Test
    void aPidFileInAMeasuredRunsBaselineFolderIsFoundToo() throws Exception {
        Process sut = leftover();
        Path baseline = out.resolve("20260101-000000-run-sut").resolve("baseline");
        Files.createDirectories(baseline);
        of(ProcessIdentity.of(sut.pid()).orElseThrow(), DEAD_HARNESS).write(baseline);

        List<String> report = LeftoverSutProcesses.endUnder(out);

        assertThat(endsWithin(sut.toHandle(), Duration.ofSeconds(10))).as("the SUT left by the baseline ended").isTrue();
        assertThat(report).as("what the sweep told").singleElement().asString().startsWith("ended SUT process " + sut.pid());
    }

    @Test
    void aPidNowUsedByAnotherProcessIsLeftRunningAndReported() throws Exception {
        Process other = leftover();
        ProcessIdentity now = ProcessIdentity.of(other.pid()).orElseThrow();
        // the same pid, but a process that started earlier: the SUT it named has ended, the pid was given again
        ProcessIdentity earlier = new ProcessIdentity(now.pid(), now.bootId(), now.startTicks() - 1,
                now.start().minusSeconds(1));
        Path file = pidFile("20260101-000000-run-sut", of(earlier, DEAD_HARNESS));

        List<String> report = LeftoverSutProcesses.endUnder(out);

        assertThat(endsWithin(other.toHandle(), Duration.ofMillis(500))).as("the other process behind the recycled pid")
                .isFalse();
        assertThat(report).as("what the sweep told").singleElement().asString()
                .startsWith("warning: pid " + other.pid()).contains("is now another process", "left running");
        assertThat(file).as("the stale pid file").doesNotExist();
    }

    @Test
    void aMalformedPidFileIsAWarningAndTheOthersAreStillSwept() throws Exception {
        Path broken = Files.createDirectories(out.resolve("20260101-000000-broken")).resolve(SutPidFile.NAME);
        Files.writeString(broken, "{ \"sut\": \"half-writ");
        Process sut = leftover();
        pidFile("20260101-000001-run-sut", of(ProcessIdentity.of(sut.pid()).orElseThrow(), DEAD_HARNESS));

        List<String> report = LeftoverSutProcesses.endUnder(out);

        assertThat(report).as("what the sweep told").hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("warning: cannot read the SUT pid file " + broken)
                        .contains("left in place"))
                .anySatisfy(line -> assertThat(line).startsWith("ended SUT process " + sut.pid()));
        assertThat(broken).as("the malformed pid file, kept for a person to look at").exists();
        assertThat(endsWithin(sut.toHandle(), Duration.ofSeconds(10))).as("the SUT of the readable file ended").isTrue();
    }

    @Test
    void aPidFileOfALiveHarnessIsLeftAloneAndNotMentioned() throws Exception {
        Process sut = leftover();
        Path file = pidFile("20260101-000000-run-sut", of(ProcessIdentity.of(sut.pid()).orElseThrow(), ProcessIdentity.current()));

        List<String> report = LeftoverSutProcesses.endUnder(out);

        assertThat(report).as("what the sweep told about a run still going").isEmpty();
        assertThat(file).as("the running run's pid file").exists();
        assertThat(endsWithin(sut.toHandle(), Duration.ofMillis(500))).as("the running run's SUT").isFalse();
    }

    @Test
    void aPidFileWhoseProcessEndedIsRemovedQuietly() throws Exception {
        Process sut = leftover();
        ProcessIdentity identity = ProcessIdentity.of(sut.pid()).orElseThrow();
        sut.descendants().forEach(ProcessHandle::destroyForcibly);
        sut.destroyForcibly().waitFor();
        Path file = pidFile("20260101-000000-run-sut", of(identity, DEAD_HARNESS));

        List<String> report = LeftoverSutProcesses.endUnder(out);

        assertThat(report).as("what the sweep told about a SUT the watchdog had already ended").isEmpty();
        assertThat(file).as("its pid file").doesNotExist();
    }
}
