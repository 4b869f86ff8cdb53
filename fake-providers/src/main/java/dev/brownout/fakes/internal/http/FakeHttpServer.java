package dev.brownout.fakes.internal.http;

import dev.brownout.fakes.config.Mappers;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * One Javalin listener of the fake world: loopback by default, virtual threads, snake_case JSON, and a
 * long idle timeout so a deliberately hung response is held open as long as the client waits. A provider's
 * completion endpoint sits in front of Javalin as a Jetty core handler on the same connector.
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
        return start(host, port, null, setup);
    }

    /**
     * Starts a listener whose requests first meet {@code front}, a Jetty core handler that serves what it takes
     * itself and passes the rest to the Javalin routes {@code setup} adds; null for none.
     */
    public static FakeHttpServer start(String host, int port, Handler.Wrapper front, Consumer<JavalinConfig> setup) {
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            if (front != null) {
                // Jetty's own pool runs the connections' non-blocking work on pooled platform threads and only the
                // blocking handlers on virtual threads; Javalin's pool starts a virtual thread for every task.
                QueuedThreadPool pool = new QueuedThreadPool();
                pool.setName("brownout-provider");
                pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
                config.jetty.threadPool = pool;
            }
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(Mappers.json(), true));
            // No graceful wait on stop: hung requests are released by the provider, and idle keep-alive
            // connections would otherwise hold every close for the whole timeout.
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(0);
                if (front != null) {
                    // Javalin puts its servlet handler inside the innermost wrapper it finds on the server.
                    server.setHandler(front);
                }
            });
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                // Jetty's per-connection header cache matches values case-insensitively by default, so an
                // "Authorization: Bearer SK-..." after "Bearer sk-..." on the same connection was read as the
                // cached original: a key differing only in case was accepted. Credentials are case-sensitive.
                http.setHeaderCacheCaseSensitive(true);
                // The cache is a trie of about 100 KB per connection: 1 GB at 10,000 open streams, for a saving on
                // repeated header values that measures as noise next to the rest of a request.
                http.setHeaderCacheSize(0);
            });
            config.routes.before(FakeHttpServer::readWholeBody);
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

    /**
     * Reads every request's body before any handler runs, whatever the method or path. Jetty closes a
     * connection whose body was left unread, after answering on it as if it stayed open, so a client
     * that reused it for its next request would fail without an answer. A body that cannot be read is
     * refused here, and the connection announced as closing.
     */
    private static void readWholeBody(Context ctx) {
        try {
            ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            ctx.header("Connection", "close");
            throw e;
        } catch (Exception e) {
            ctx.header("Connection", "close");
            throw new BadRequestResponse("the body is not valid HTTP content");
        }
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
