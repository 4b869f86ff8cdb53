package dev.brownout.internal.sut;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SUT the harness starts in a container once the world is up and stops after the run (a SUT file's
 * {@code container:} section).
 *
 * @param image       the image to run
 * @param command     arguments for the image's entrypoint, each a template over the world as the container sees
 *                    it; empty for the image's own
 * @param environment added to the world's {@code BROWNOUT_*} variables (as the container sees them), values templated
 * @param port        the port the SUT listens on inside the container
 * @param ready       how to know it is ready; null waits for {@code port} to accept connections
 */
public record ContainerSpec(String image, List<String> command, Map<String, String> environment, int port,
                            Readiness ready) {

    public ContainerSpec {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("a SUT container needs an image");
        }
        command = command == null ? List.of() : List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        requirePort(port, "the container port");
    }

    /** The readiness check, with the default filled in: {@link #port()} accepting connections. */
    public Readiness readiness() {
        return ready != null ? ready : new Readiness(Readiness.Kind.TCP, Integer.toString(port), null, null);
    }

    /** The base path an adapter's SDK puts after the origin by default: {@code /v1} for OpenAI's APIs, none for Anthropic and Gemini. */
    static String defaultBasePath(SutAdapter adapter) {
        return adapter == SutAdapter.OPENAI_CHAT || adapter == SutAdapter.OPENAI_RESPONSES ? "/v1" : "";
    }

    /** A containerised gateway's base URL when its SUT file gives none: its origin and the adapter's base path. */
    static String defaultBaseUrl(SutAdapter adapter) {
        return "{{" + WorldTemplateModel.CONTAINER + ".url}}" + defaultBasePath(adapter);
    }

    static void requirePort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be from 1 to 65535, was " + port);
        }
    }

    /**
     * How the harness knows a started container is ready for traffic.
     *
     * @param target  for {@link Kind#HTTP} a path on the container's port, for {@link Kind#TCP} a port inside the
     *                container, for {@link Kind#LOG_LINE} a regular expression a line of its output must contain
     * @param status  for {@link Kind#HTTP}: the status the path must answer; null for any 2xx
     * @param timeout how long to wait from the container's start; null for {@link ReadinessCheck#DEFAULT_TIMEOUT}
     */
    public record Readiness(Kind kind, String target, Integer status, Duration timeout) {

        public enum Kind { HTTP, TCP, LOG_LINE }

        public Readiness {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(target, "target");
            timeout = timeout == null ? ReadinessCheck.DEFAULT_TIMEOUT : timeout;
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("a readiness timeout must be positive, was " + timeout);
            }
            if (status != null && kind != Kind.HTTP) {
                throw new IllegalArgumentException("a status goes with an http readiness check, not " + kind);
            }
        }

        /** What is being waited for, for an error message. */
        String describe() {
            return switch (kind) {
                case HTTP -> "waiting for GET " + target + " to answer " + (status == null ? "2xx" : status);
                case TCP -> "waiting for port " + target + " to accept a connection";
                case LOG_LINE -> "waiting for an output line matching /" + target + "/";
            };
        }
    }
}
