package dev.brownout.gateways;

import io.javalin.Javalin;

import java.net.http.HttpClient;

/** A gateway listening on loopback; close it to stop it. */
public final class RunningGateway implements AutoCloseable {

    private final Javalin javalin;
    private final HttpClient upstreamClient;
    private final String host;
    private final String kind;

    RunningGateway(Javalin javalin, HttpClient upstreamClient, String host, String kind) {
        this.javalin = javalin;
        this.upstreamClient = upstreamClient;
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

    /** Stops listening, then drops every upstream call still open: a stopped gateway answers no one. */
    @Override
    public void close() {
        javalin.stop();
        upstreamClient.shutdownNow();
    }

    @Override
    public String toString() {
        return kind + " gateway at " + baseUrl();
    }
}
