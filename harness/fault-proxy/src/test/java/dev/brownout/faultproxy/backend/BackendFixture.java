package dev.brownout.faultproxy.backend;

import dev.brownout.faultproxy.RawHttp;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One backend per test class, emptied after every test, plus socket helpers. Subclasses only say
 * which backend; the same tests then run against the embedded server and the real Toxiproxy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BackendFixture {

    protected FaultProxyBackend backend;
    protected ToxiproxyClient client;
    protected RawHttp http;

    /** The backend to test, or null when it cannot run here (every test is then skipped). */
    protected abstract FaultProxyBackend startBackend();

    /** Why {@link #startBackend()} returned null. */
    protected String unavailableReason() {
        return "backend not available";
    }

    @BeforeAll
    void startIt() {
        backend = startBackend();
        if (backend != null) {
            client = backend.client();
            http = new RawHttp(backend.controlUrl());
        }
    }

    @BeforeEach
    void requireBackend() {
        assumeTrue(backend != null, unavailableReason());
    }

    @AfterAll
    void stopIt() {
        if (backend != null) {
            backend.close();
        }
    }

    @AfterEach
    void deleteEveryProxy() throws IOException {
        if (client == null) {
            return;
        }
        for (Proxy proxy : client.getProxies()) {
            proxy.delete();
        }
    }

    protected Proxy proxy(String name, int slot, int upstreamPort) throws IOException {
        return client.createProxy(name, backend.listenAddress(slot), backend.upstreamFor(upstreamPort));
    }

    protected Socket connect(Proxy proxy) throws IOException {
        return connect(proxy.getListen());
    }

    protected Socket connect(String reportedListen) throws IOException {
        InetSocketAddress address = backend.clientAddress(reportedListen);
        Socket socket = new Socket();
        socket.connect(address, 5_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /**
     * Whether a connect to a proxy port with nothing listening is refused. Not through Docker's
     * port mapping, whose userland proxy accepts and then closes: a container backend's suite says false.
     */
    protected boolean refusesWhenNothingListens() {
        return true;
    }

    /** Whether a fresh connection to the address carries an echo round trip. */
    protected static boolean echoes(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1_000);
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write('x');
            return socket.getInputStream().read() == 'x';
        } catch (IOException e) {
            return false;
        }
    }

    protected static boolean accepting(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the payload and reads the same number of bytes back; returns the elapsed milliseconds. */
    protected static long roundTripMillis(Socket socket, byte[] payload) throws IOException {
        long start = System.nanoTime();
        socket.getOutputStream().write(payload);
        byte[] back = socket.getInputStream().readNBytes(payload.length);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        if (back.length != payload.length) {
            throw new IOException("connection ended after " + back.length + " of " + payload.length + " bytes");
        }
        return elapsed;
    }

    /** Reads until end-of-stream or error; returns what arrived and how it ended. */
    protected static ReadOutcome readToEnd(Socket socket) {
        long start = System.nanoTime();
        byte[] buffer = new byte[64 * 1024];
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int reads = 0;
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
                reads++;
            }
            return new ReadOutcome(bytes.toByteArray(), reads, "eof", (System.nanoTime() - start) / 1_000_000);
        } catch (java.net.SocketTimeoutException e) {
            return new ReadOutcome(bytes.toByteArray(), reads, "timeout", (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            String how = String.valueOf(e.getMessage()).toLowerCase().contains("reset") ? "reset" : "error: " + e;
            return new ReadOutcome(bytes.toByteArray(), reads, how, (System.nanoTime() - start) / 1_000_000);
        }
    }

    protected record ReadOutcome(byte[] bytes, int reads, String ending, long millis) {
    }
}
