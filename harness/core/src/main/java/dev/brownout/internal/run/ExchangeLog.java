package dev.brownout.internal.run;

import dev.brownout.internal.record.ExchangeRecord;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code exchanges.jsonl}: one line per exchange, appended and flushed as each ends, so a run that is killed
 * keeps every exchange up to its last. A line that cannot be written throws: the driver then stops and the run
 * keeps the cause in {@code error.txt}, since a log missing exchanges would measure a run other than the one played.
 */
final class ExchangeLog implements AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;

    ExchangeLog(Path file) {
        this.file = file;
        try {
            // a FileOutputStream, not a channel: exchanges aborted by a stop are written from interrupted
            // threads, and an interrupted channel write would close the log for everyone
            Files.createFile(file);
            this.writer = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(file.toFile()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /** @throws UncheckedIOException when the line cannot be written */
    synchronized void append(ExchangeRecord record) {
        try {
            writer.write(RunFolder.JSON.writeValueAsString(record));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an exchange of task " + record.taskId() + " to " + file, e);
        }
    }

    /** @throws UncheckedIOException when the file cannot be closed */
    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
