package dev.brownout.fakes.http;

import dev.brownout.fakes.config.Mappers;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One Javalin listener of the fake world: loopback by default, virtual threads, snake_case JSON, and a
 * long idle timeout so a deliberately hung response is held open as long as the client waits.
 */
public final class FakeHttpServer implements AutoCloseable {

    public static final long MAX_REQUEST_BYTES = 8L * 1024 * 1024;
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    private final Javalin javalin;
    private final String host;

    private FakeHttpServer(Javalin javalin, String host) {
        this.javalin = javalin;
        this.host = host;
    }

    /** Starts a listener; port 0 picks a free one. {@code setup} adds routes and handlers. */
    public static FakeHttpServer start(String host, int port, Consumer<JavalinConfig> setup) {
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(Mappers.json(), true));
            // No graceful wait on stop: hung requests are released by the provider, and idle keep-alive
            // connections would otherwise hold every close for the whole timeout.
            config.jetty.modifyServer(server -> server.setStopTimeout(0));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                // Jetty's per-connection header cache matches values case-insensitively by default, so an
                // "Authorization: Bearer SK-..." after "Bearer sk-..." on the same connection was read as the
                // cached original: a key differing only in case was accepted. Credentials are case-sensitive.
                http.setHeaderCacheCaseSensitive(true);
            });
            setup.accept(config);
        });
        javalin.start(host, port);
        for (var connector : javalin.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            }
        }
        return new FakeHttpServer(javalin, host);
    }

    public int port() {
        return javalin.port();
    }

    public String host() {
        return host;
    }

    /** {@code http://host:port} with no trailing slash. */
    public URI baseUri() {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port());
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
