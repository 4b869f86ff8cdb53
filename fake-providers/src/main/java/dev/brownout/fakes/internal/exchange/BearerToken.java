package dev.brownout.fakes.internal.exchange;

/** Reads the credential of an {@code Authorization: Bearer ...} header; a bare value is taken as it is. */
public final class BearerToken {

    private static final String PREFIX = "Bearer ";

    private BearerToken() {
    }

    /** The token, or null when the header is absent. */
    public static String from(String authorization) {
        if (authorization == null) {
            return null;
        }
        String trimmed = authorization.trim();
        return trimmed.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? trimmed.substring(PREFIX.length()).trim()
                : trimmed;
    }
}
