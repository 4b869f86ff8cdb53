package dev.brownout.faultproxy;

import dev.brownout.faultproxy.WireFormat.ProxyView;
import io.javalin.Javalin;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An in-JVM server that speaks Toxiproxy's HTTP API and proxies TCP with its toxics.
 * Start one with {@link #start(ServerConfig)}; drive it with any Toxiproxy client at {@link #url()}.
 */
public final class ToxiproxyServer implements AutoCloseable {

    private final WorkerThreads threads = new WorkerThreads();
    private final BufferBudget budget = new BufferBudget(BufferBudget.DEFAULT_BYTES);
    private final ProxyRegistry registry = new ProxyRegistry(threads, budget,
            new ConnectionLog(ConnectionLog.DEFAULT_CAPACITY));
    private final Javalin http;
    private final String host;
    private final ControlAccess access;

    private ToxiproxyServer(ServerConfig config) {
        this.host = config.host();
        this.access = new ControlAccess(config.token(), config.host());
        this.http = new ControlApi(registry, config.version(), access)
                .create(config.host(), config.port());
    }

    public static ToxiproxyServer start(ServerConfig config) {
        ToxiproxyServer server = new ToxiproxyServer(config);
        server.http.start();
        return server;
    }

    public String host() {
        return host;
    }

    public int port() {
        return http.port();
    }

    public URI url() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shownHost + ":" + port());
    }

    /**
     * Creates the proxies of a JSON array in {@code POST /populate} form, as toxiproxy-server's
     * {@code -config} flag does; returns how many proxies it now holds from the file.
     */
    public int populate(Path file) throws IOException {
        String json = Files.readString(file);
        List<WireFormat.ProxyRequest> requests = WireFormat.populateRequest(WireFormat.parse(json));
        access.checkListens(requests);
        List<ProxyView> created = registry.populate(requests);
        return created.size();
    }

    /** Live data-plane threads (accept loops, readers, pumps); for leak checks. */
    int liveThreads() {
        return threads.live();
    }

    /** Bytes held in latency buffers right now; for leak checks. */
    long bufferedBytes() {
        return budget.used();
    }

    int liveConnections() {
        return registry.liveConnections();
    }

    /** Stops the API, closes every listener and live connection. */
    @Override
    public void close() {
        http.stop();
        registry.closeAll();
    }
}
