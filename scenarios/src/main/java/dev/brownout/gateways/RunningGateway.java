package dev.brownout.gateways;

import io.javalin.Javalin;

/** A gateway listening on loopback; close it to stop it. */
public final class RunningGateway implements AutoCloseable {

    private final Javalin javalin;
    private final String host;
    private final String kind;

    RunningGateway(Javalin javalin, String host, String kind) {
        this.javalin = javalin;
        this.host = host;
        this.kind = kind;
    }

    /** The OpenAI-style base URL, {@code http://host:port/v1}, to hand an SDK. */
    public String baseUrl() {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + literal + ":" + port() + "/v1";
    }

    public int port() {
        return javalin.port();
    }

    /** {@code naive} or {@code resilient}. */
    public String kind() {
        return kind;
    }

    @Override
    public void close() {
        javalin.stop();
    }

    @Override
    public String toString() {
        return kind + " gateway at " + baseUrl();
    }
}
