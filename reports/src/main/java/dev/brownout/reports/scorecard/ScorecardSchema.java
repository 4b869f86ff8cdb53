package dev.brownout.reports.scorecard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The published JSON Schema (draft 2020-12) of {@code scorecard.json} ({@link Scorecard}), shipped beside it. */
public final class ScorecardSchema {

    /** Where the schema lives on the classpath, beside {@link Scorecard}. */
    public static final String RESOURCE = "scorecard.schema.json";

    /** The schema's {@code $id}; its last segment is {@link Scorecard#SCHEMA_VERSION}. */
    public static final String ID = "https://brownout.dev/schema/scorecard/" + Scorecard.SCHEMA_VERSION + ".json";

    private ScorecardSchema() {
    }

    /** The schema's JSON text, exactly as shipped. */
    public static String text() {
        try (InputStream in = ScorecardSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the scorecard schema " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scorecard schema " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
