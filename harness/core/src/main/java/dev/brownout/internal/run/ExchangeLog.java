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
 * keeps every exchange up to its last. A line that cannot be written is counted, never thrown into the load.
 */
final class ExchangeLog implements AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;
    private long lost;
    private IOException firstFailure;

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

    synchronized void append(ExchangeRecord record) {
        try {
            writer.write(RunFolder.JSON.writeValueAsString(record));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            lost++;
            if (firstFailure == null) {
                firstFailure = e;
            }
        }
    }

    /** Lines that could not be written, with the first reason; null when none was lost. */
    synchronized String losses() {
        return lost == 0 ? null : lost + " exchange(s) could not be written to " + file + ": " + firstFailure.getMessage();
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            lost++;
            if (firstFailure == null) {
                firstFailure = e;
            }
        }
    }
}
