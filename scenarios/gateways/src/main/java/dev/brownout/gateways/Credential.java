package dev.brownout.gateways;

/** Where an upstream's bearer comes from: a fixed API key or an OAuth token that expires. */
interface Credential {

    String bearer() throws UpstreamFailure;

    /** The upstream refused {@code bearer}; returns whether asking again may give a different one. */
    boolean refused(String bearer);
}
