package dev.brownout.faultproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A fresh embedded server per test, driven by toxiproxy-java and raw HTTP. */
abstract class EmbeddedServerFixture {

    protected ToxiproxyServer server;
    protected ToxiproxyClient client;
    protected RawHttp http;

    @BeforeEach
    void startServer() {
        server = ToxiproxyServer.start(ServerConfig.ephemeral());
        client = new ToxiproxyClient(server.host(), server.port());
        http = new RawHttp(server.url());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    protected Proxy proxy(String name, int upstreamPort) throws IOException {
        return client.createProxy(name, "127.0.0.1:0", "127.0.0.1:" + upstreamPort);
    }

    protected static Socket connect(Proxy proxy) throws IOException {
        String listen = proxy.getListen();
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1))), 5_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        return socket;
    }

    protected static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
