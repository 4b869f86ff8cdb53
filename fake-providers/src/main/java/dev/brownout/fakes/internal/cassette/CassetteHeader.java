package dev.brownout.fakes.internal.cassette;

/**
 * A cassette's first line: what the file is and which schema version its lines follow.
 *
 * @param format        always {@value #FORMAT}
 * @param schemaVersion the version of the line shapes; this build reads only {@value #SCHEMA_VERSION}
 * @param provider      the provider that recorded it
 * @param dialect       that provider's dialect
 * @param created       when the file was started, ISO-8601
 */
public record CassetteHeader(String format, Integer schemaVersion, String provider, String dialect, String created) {

    static final String FORMAT = "brownout-cassette";
    static final int SCHEMA_VERSION = 1;

    public CassetteHeader {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("'format' must be \"" + FORMAT + "\" (this is not a Brownout cassette"
                    + " header); was " + (format == null ? "absent" : "\"" + format + "\""));
        }
        if (schemaVersion == null) {
            throw new IllegalArgumentException("'schema_version' is missing");
        }
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("'schema_version' " + schemaVersion + " is not one this Brownout reads;"
                    + " it reads version " + SCHEMA_VERSION + " (record the cassette again with this version)");
        }
    }
}
