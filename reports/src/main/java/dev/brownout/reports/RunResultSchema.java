package dev.brownout.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The published JSON Schema (draft 2020-12) of {@link RunResult}, as shipped beside it, so the harness, a CLI and
 * the reports can hand it to users who validate or consume results with their own tools.
 */
public final class RunResultSchema {

    /** Where the schema lives on the classpath, beside {@link RunResult}. */
    public static final String RESOURCE = "run-result.schema.json";

    /** The schema's {@code $id}; its last segment is {@link RunResult#SCHEMA_VERSION}. */
    public static final String ID = "https://brownout.dev/schema/run-result/" + RunResult.SCHEMA_VERSION + ".json";

    private static volatile String text;

    private RunResultSchema() {
    }

    /** The schema's JSON text, exactly as shipped. */
    public static String text() {
        String loaded = text;
        if (loaded == null) {
            loaded = load();
            text = loaded;
        }
        return loaded;
    }

    private static String load() {
        try (InputStream in = RunResultSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the run result schema " + RESOURCE
                        + " is missing from the classpath beside " + RunResult.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run result schema " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
