package dev.brownout.fakes.http;

import dev.brownout.fakes.config.Mappers;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.HttpConnectionFactory;
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
    /**
     * Pending connections the kernel queues before Jetty accepts them. Left unset, Java binds with a backlog of
     * 50, and a burst of thousands of clients connecting at once (a load test, an agent fleet starting) has
     * SYNs dropped and retried only after 1, 3, 7, 15 s (measured: 22,060 listen-queue overflows while
     * 10,000 streams were opened within 5 s, 0 to 7 with this queue). The kernel caps it at net.core.somaxconn.
     */
    static final int ACCEPT_QUEUE_SIZE = 4096;

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
            config.jetty.modifyServer(server -> server.setStopTimeout(2_000));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            // Javalin's default connector has no way to set the accept queue, so the listener is built here.
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
                connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                return connector;
            });
            setup.accept(config);
        });
        javalin.start();
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
