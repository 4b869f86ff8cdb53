package dev.brownout.internal.sut;

import dev.brownout.fakes.config.Mappers;
import dev.brownout.reports.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code sut-pid.json} in the run folder while the run's SUT process runs: which process it is (pid and start, so
 * a recycled pid is never ended), its process group, the command as the SUT file wrote it (templates unrendered,
 * so no credential of the world lands in the file), and the harness that started it. A clean stop removes it; a
 * file whose harness is dead marks a SUT that a killed run left behind ({@link LeftoverSutProcesses}).
 *
 * @param sut          the SUT's name
 * @param command      the command as the SUT file gives it
 * @param process      the SUT's first process
 * @param processGroup the process group it leads; -1 when it runs in the harness's group
 * @param stopGrace    how long it gets after SIGTERM before it is killed
 * @param harness      the harness that started it
 */
record SutPidFile(String sut, List<String> command, ProcessIdentity process, long processGroup, Duration stopGrace,
                  ProcessIdentity harness) {

    static final String NAME = "sut-pid.json";

    SutPidFile {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(harness, "harness");
        command = command == null ? List.of() : List.copyOf(command);
        stopGrace = stopGrace == null ? ProcessSpec.DEFAULT_STOP_GRACE : stopGrace;
    }

    void write(Path runDir) throws IOException {
        AtomicFile.write(runDir.resolve(NAME), Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }

    /**
     * @throws IOException the file cannot be read or is not a pid file (the message says which and why)
     */
    static SutPidFile read(Path file) throws IOException {
        try {
            return Mappers.json().readValue(file.toFile(), SutPidFile.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read the SUT pid file " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Removes {@code runDir}'s pid file if it names {@code pid}: a later SUT in the same folder keeps its own. */
    static void removeIfOf(Path runDir, long pid) {
        Path file = runDir.resolve(NAME);
        try {
            if (Files.exists(file) && read(file).process().pid() == pid) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // an unreadable file is left for the sweep to report
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
