package dev.brownout.internal.run;

import dev.brownout.internal.measure.Redactor;
import dev.brownout.internal.measure.WorldSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code error.txt} in a run folder: the full stack trace of every failure of the harness itself or of a SUT
 * adapter (never the SUT answering badly), each after a line saying what was being done, so a run that ends on one
 * keeps its cause and not just its message. Each failure is also logged at error level.
 *
 * <p>The world's secrets are redacted from the file, the log and the one-line summaries alike: exception messages
 * can quote a key, and the run folder is scanned for secrets by the security measurement.
 */
final class ErrorFile {

    static final String NAME = "error.txt";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorFile.class);

    private final RunFolder folder;
    private final StringBuilder entries = new StringBuilder();
    private final List<String> survived = new ArrayList<>();
    private Redactor redactor = new Redactor(WorldSecrets.of(List.of()));

    /** Adds to the folder's {@code error.txt} if it has one: a measured run's folder is its scenario run's too. */
    ErrorFile(RunFolder folder) {
        this.folder = folder;
        Path existing = folder.file(NAME);
        if (Files.isRegularFile(existing)) {
            try {
                entries.append(Files.readString(existing, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the failure being kept matters more than the earlier ones; say they were lost
                LOG.error("cannot read {}: {}", existing, e.toString());
                entries.append("(the earlier entries of this file could not be read: ").append(e).append(")\n");
            }
        }
    }

    /** Redacts {@code secrets} from now on, and from the file as it is rewritten. */
    synchronized void redacting(WorldSecrets secrets) {
        redactor = new Redactor(secrets);
    }

    /**
     * Keeps a failure that ends the run.
     *
     * @param doing what was being done, e.g. {@code starting the system under test}
     * @return one line for the run's stop reason: what failed, the failure's message, and where its trace is
     */
    synchronized String ended(String doing, Throwable failure) {
        return keep(doing, failure);
    }

    /** Keeps a failure the run went on after (a watcher's, a clean-up step's); see {@link #survived()}. */
    synchronized void survived(String doing, Throwable failure) {
        survived.add(keep(doing, failure));
    }

    /** One line for each failure the run went on after, for its warnings. */
    synchronized List<String> survived() {
        return List.copyOf(survived);
    }

    private String keep(String doing, Throwable failure) {
        String trace = stackTrace(failure);
        entries.append(entries.isEmpty() ? "" : "\n").append("while ").append(doing).append(":\n").append(trace);
        Path file = folder.file(NAME);
        String where;
        try {
            // the whole file each time, atomically: a reader never sees half an entry
            folder.writeText(NAME, redactor.redact(entries.toString()));
            where = "stack trace in " + file;
        } catch (RuntimeException unwritable) {
            LOG.error("cannot write {}: {}", file, unwritable.toString());
            where = "stack trace in the log: " + NAME + " could not be written";
        }
        LOG.error("{} failed; kept in {}\n{}", doing, file, redactor.redact(trace));
        return redactor.redact(doing + " failed: " + message(failure) + " (" + where + ")");
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            failure.printStackTrace(out);
        }
        return text.toString();
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }
}
