package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.config.Mappers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends exchanges to a cassette, one line each, written and flushed as it is recorded so a run stopped half-way
 * keeps what it recorded. An existing cassette is checked (a corrupt one is refused) and appended to; a missing one
 * is created with its header. Every line has the secret's value replaced before it is written.
 */
final class CassetteRecorder implements AutoCloseable {

    static final String REDACTED = "[redacted]";

    private final ObjectMapper json = Mappers.json();
    private final Path file;
    private final String secret;
    private final Writer writer;

    /** @param secret the upstream key, replaced wherever it appears; null when there is none */
    CassetteRecorder(Path file, String provider, String dialect, String secret) {
        this.file = file;
        this.secret = secret == null || secret.isEmpty() ? null : secret;
        boolean exists = Files.exists(file) && sizeOf(file) > 0;
        if (exists) {
            Cassette.load(file);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            if (!exists) {
                line(new CassetteHeader(CassetteHeader.FORMAT, CassetteHeader.SCHEMA_VERSION, provider, dialect,
                        Instant.now().toString()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cassette " + file + ": cannot be written (" + e.getMessage() + ")");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    synchronized void append(RecordedExchange exchange) {
        line(exchange);
    }

    private void line(Object value) {
        try {
            String text = json.writeValueAsString(value);
            writer.write(redacted(text));
            writer.write('\n');
            writer.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cassette line", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cassette " + file + ": cannot append", e);
        }
    }

    /** The text with the secret replaced, also as JSON escapes it (a key holds no character JSON escapes). */
    String redacted(String text) {
        return secret == null ? text : text.replace(secret, REDACTED);
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cassette " + file + ": cannot close", e);
        }
    }
}
