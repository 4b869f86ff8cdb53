package dev.brownout.junit;

/**
 * Which fault proxy stands in front of every fake of a world or a measured run: Brownout's embedded
 * Toxiproxy-compatible server, or the real Toxiproxy image in a container.
 */
public enum FaultProxy {

    /** The embedded server, in this JVM on loopback; needs nothing installed. The default. */
    EMBEDDED,

    /**
     * The real Toxiproxy image, started through Testcontainers. Needs the artifact
     * {@code dev.brownout:brownout-fault-proxy-container} on the test class path and a Docker engine; without an
     * engine the class or test is aborted (reported as skipped) with the reason, never failed.
     */
    CONTAINER
}
