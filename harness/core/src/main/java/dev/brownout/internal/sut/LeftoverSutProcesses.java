package dev.brownout.internal.sut;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ends the SUT processes that runs killed outright (SIGKILL, a crash of the JVM, a lost machine) left running,
 * found by the {@code sut-pid.json} files in their run folders. A file is acted on only when the harness that
 * wrote it is dead; its process is ended (SIGTERM to its group, its stop grace, then a kill) only when it is still
 * the very process that was started, by its start time, so a pid the system has given to another process since is
 * left alone. Nothing else is ever ended.
 */
public final class LeftoverSutProcesses {

    /** A leftover gets at most this long after SIGTERM, whatever grace its SUT file gave, so a run starts soon. */
    static final Duration MAX_GRACE = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private LeftoverSutProcesses() {
    }

    /**
     * Looks for pid files in {@code folder} and the run folders below it (two levels: {@code out/run} and a
     * measured run's {@code out/run/baseline}) and ends what killed runs left there.
     *
     * @return one line per thing done or found wrong, for the run's user: a process ended, a pid now used by
     *         another process (left running), a pid file that cannot be read (left in place)
     */
    public static List<String> endUnder(Path folder) {
        List<String> report = new ArrayList<>();
        for (Path file : pidFiles(folder)) {
            endLeftover(file, report);
        }
        return report;
    }

    private static List<Path> pidFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        collect(folder, 2, files);
        return files;
    }

    private static void collect(Path folder, int levelsBelow, List<Path> files) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Path file = folder.resolve(SutPidFile.NAME);
        if (Files.isRegularFile(file)) {
            files.add(file);
        }
        if (levelsBelow == 0) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path child : children) {
                collect(child, levelsBelow - 1, files);
            }
        } catch (IOException | RuntimeException unreadable) {
            // a folder that cannot be listed holds nothing this run can act on
        }
    }

    private static void endLeftover(Path file, List<String> report) {
        SutPidFile pidFile;
        try {
            pidFile = SutPidFile.read(file);
        } catch (IOException e) {
            report.add("warning: " + e.getMessage() + "; left in place: delete it once no process it names runs");
            return;
        }
        if (pidFile.harness().stillRuns()) {
            return;
        }
        ProcessIdentity recorded = pidFile.process();
        Optional<ProcessIdentity> now = ProcessIdentity.of(recorded.pid());
        if (now.isPresent() && recorded.sameProcessAs(now.get())) {
            end(pidFile);
            report.add("ended SUT process " + recorded.pid() + " of '" + pidFile.sut() + "' (" + String.join(" ", pidFile.command())
                    + "), left running by a run that was killed (harness pid " + pidFile.harness().pid() + "); found by "
                    + file);
        } else if (now.isPresent()) {
            report.add("warning: pid " + recorded.pid() + " in " + file + " is now another process ("
                    + now.get().describeStart() + ", the SUT '" + pidFile.sut() + "' " + recorded.describeStart()
                    + "): left running; the stale pid file is removed");
        } else if (pidFile.processGroup() > 0 && !ProcStat.groupMembers(pidFile.processGroup()).isEmpty()) {
            // its first process is gone, so nothing proves the group is still the SUT's: said, not ended
            report.add("warning: SUT process " + recorded.pid() + " of '" + pidFile.sut() + "' (" + file
                    + ") has ended, but processes of its process group still run (pids "
                    + ProcStat.groupMembers(pidFile.processGroup()).stream().map(h -> Long.toString(h.pid())).toList()
                    + "); they were left running: end them yourself if they are the SUT's");
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            report.add("warning: cannot remove " + file + ": " + e.getMessage());
        }
    }

    /** SIGTERM to the process and its group, the grace, then SIGKILL to what is left. */
    private static void end(SutPidFile pidFile) {
        long pid = pidFile.process().pid();
        Set<ProcessHandle> targets = members(pid, pidFile.processGroup());
        targets.forEach(ProcessHandle::destroy);
        Duration grace = pidFile.stopGrace().compareTo(MAX_GRACE) > 0 ? MAX_GRACE : pidFile.stopGrace();
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : targets) {
            ProcStat.awaitEnd(handle, Math.max(0, deadline - System.nanoTime()));
        }
        targets.addAll(members(pid, pidFile.processGroup()));
        targets.stream().filter(handle -> !ProcStat.ended(handle)).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : targets) {
            ProcStat.awaitEnd(handle, KILL_WAIT.toNanos());
        }
    }

    private static Set<ProcessHandle> members(long pid, long processGroup) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        ProcessHandle.of(pid).ifPresent(handle -> {
            members.add(handle);
            handle.descendants().forEach(members::add);
        });
        if (processGroup == pid) {
            members.addAll(ProcStat.groupMembers(processGroup));
        }
        return members;
    }

}
