package dev.brownout.faultproxy.bench;

import dev.brownout.faultproxy.ServerConfig;
import dev.brownout.faultproxy.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures the embedded proxy against a direct loopback connection, in one run: added latency per
 * hop, throughput (plain and behind a 100 ms latency toxic), bandwidth toxic accuracy and connection
 * set-up rate. Not part of the test run; see docs/fault-proxy.md for the command. Arguments, if any,
 * pick sections (latency, throughput, latency-throughput, bandwidth, connections; default all),
 * e.g. {@code -Dbench.only=bandwidth}.
 */
public final class ProxyBenchmark {

    private static final int ROUND_TRIPS = 20_000;
    private static final int WARMUP_ROUND_TRIPS = 5_000;
    private static final long THROUGHPUT_BYTES = 1L << 30;
    private static final long LATENCY_THROUGHPUT_BYTES = 512L << 20;
    private static final int RUNS = 5;

    private ProxyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ToxiproxyServer server = ToxiproxyServer.start(ServerConfig.ephemeral());
             Peer echo = Peer.echo();
             Peer sink = Peer.sink()) {
            ToxiproxyClient client = new ToxiproxyClient(server.host(), server.port());
            Proxy echoProxy = client.createProxy("echo", "127.0.0.1:0", "127.0.0.1:" + echo.port());
            Proxy sinkProxy = client.createProxy("sink", "127.0.0.1:0", "127.0.0.1:" + sink.port());
            InetSocketAddress echoDirect = echo.address();
            InetSocketAddress echoProxied = address(echoProxy);
            InetSocketAddress sinkDirect = sink.address();
            InetSocketAddress sinkProxied = address(sinkProxy);

            System.out.println("# Fault proxy benchmark (" + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                    + Runtime.version() + ")");

            List<String> only = Arrays.stream(args).filter(arg -> !arg.isBlank() && !arg.equals("all")).toList();
            if (only.isEmpty() || only.contains("latency")) {
                latency(echoDirect, echoProxied);
            }
            if (only.isEmpty() || only.contains("throughput")) {
                throughput(sinkDirect, sinkProxied);
            }
            if (only.isEmpty() || only.contains("latency-throughput")) {
                Toxic latency = sinkProxy.toxics().latency("bench_latency", ToxicDirection.UPSTREAM, 100);
                latencyThroughput(sinkProxied);
                latency.remove();
            }
            if (only.isEmpty() || only.contains("bandwidth")) {
                Toxic bandwidth = sinkProxy.toxics().bandwidth("bench_bandwidth", ToxicDirection.UPSTREAM, 1000);
                bandwidthAccuracy(sinkProxied);
                bandwidth.remove();
            }
            if (only.isEmpty() || only.contains("connections")) {
                connectionRate(echoDirect, echoProxied);
            }
        }
    }

    private static InetSocketAddress address(Proxy proxy) {
        String listen = proxy.getListen();
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)));
    }

    private static Socket open(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        return socket;
    }

    private static void latency(InetSocketAddress direct, InetSocketAddress proxied) throws IOException {
        List<double[]> directRuns = new ArrayList<>();
        List<double[]> proxiedRuns = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            directRuns.add(roundTrips(direct));
            proxiedRuns.add(roundTrips(proxied));
        }
        double directP50 = median(directRuns, 0);
        double directP99 = median(directRuns, 1);
        double proxiedP50 = median(proxiedRuns, 0);
        double proxiedP99 = median(proxiedRuns, 1);
        System.out.println();
        System.out.println("## Latency: " + ROUND_TRIPS + " echo round trips of 64 bytes, median of " + RUNS + " runs");
        System.out.printf(Locale.ROOT, "round trip direct:  p50 %.1f us, p99 %.1f us%n", directP50, directP99);
        System.out.printf(Locale.ROOT, "round trip proxied: p50 %.1f us, p99 %.1f us%n", proxiedP50, proxiedP99);
        System.out.printf(Locale.ROOT, "added per hop (proxied - direct) / 2: p50 %.1f us, p99 %.1f us (goal p50 < 100 us)%n",
                (proxiedP50 - directP50) / 2, (proxiedP99 - directP99) / 2);
    }

    /** Returns {p50, p99} of round-trip microseconds. */
    private static double[] roundTrips(InetSocketAddress address) throws IOException {
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        byte[] message = new byte[64];
        byte[] reply = new byte[64];
        try (Socket socket = open(address)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < WARMUP_ROUND_TRIPS + ROUND_TRIPS; i++) {
                long start = System.nanoTime();
                out.write(message);
                if (in.readNBytes(reply, 0, reply.length) != reply.length) {
                    throw new IOException("echo ended early");
                }
                if (i >= WARMUP_ROUND_TRIPS) {
                    histogram.recordValue(System.nanoTime() - start);
                }
            }
        }
        return new double[] {histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0};
    }

    private static void throughput(InetSocketAddress direct, InetSocketAddress proxied) throws IOException {
        transfer(direct, 256L << 20);
        transfer(proxied, 256L << 20);
        double[] directRuns = new double[RUNS];
        double[] proxiedRuns = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            directRuns[run] = THROUGHPUT_BYTES / 1e6 / transfer(direct, THROUGHPUT_BYTES);
            proxiedRuns[run] = THROUGHPUT_BYTES / 1e6 / transfer(proxied, THROUGHPUT_BYTES);
        }
        double directMedian = median(directRuns);
        double proxiedMedian = median(proxiedRuns);
        System.out.println();
        System.out.println("## Throughput: 1 GiB in 64 KiB writes, one connection, median of " + RUNS + " runs");
        System.out.printf(Locale.ROOT, "direct loopback: %.0f MB/s (runs %s)%n", directMedian, format(directRuns));
        System.out.printf(Locale.ROOT, "through proxy:   %.0f MB/s (runs %s)%n", proxiedMedian, format(proxiedRuns));
        System.out.printf(Locale.ROOT, "proxy / direct:  %.0f%% (goal >= 50%%)%n", 100 * proxiedMedian / directMedian);
    }

    private static void latencyThroughput(InetSocketAddress proxied) throws IOException {
        double[] runs = new double[RUNS];
        double[] afterFill = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            double seconds = transfer(proxied, LATENCY_THROUGHPUT_BYTES);
            runs[run] = LATENCY_THROUGHPUT_BYTES / 1e6 / seconds;
            afterFill[run] = LATENCY_THROUGHPUT_BYTES / 1e6 / (seconds - 0.1);
        }
        System.out.println();
        System.out.println("## Throughput behind a 100 ms latency toxic: 512 MiB, median of " + RUNS + " runs");
        System.out.printf(Locale.ROOT, "end to end: %.0f MB/s (runs %s)%n", median(runs), format(runs));
        System.out.printf(Locale.ROOT, "after the 100 ms pipeline fill: %.0f MB/s (goal >= 100 MB/s)%n", median(afterFill));
    }

    private static void bandwidthAccuracy(InetSocketAddress proxied) throws IOException {
        int runs = 10;
        double[] millis = new double[runs];
        for (int run = 0; run < runs; run++) {
            millis[run] = transfer(proxied, 480_000) * 1000;
        }
        double worst = Arrays.stream(millis).map(m -> Math.abs(m - 480)).max().orElse(0);
        System.out.println();
        System.out.println("## Bandwidth toxic accuracy: 480 000 bytes at 1000 KB/s (ideal 480 ms), " + runs + " runs");
        System.out.printf(Locale.ROOT, "median %.1f ms, worst deviation %.1f ms (Toxiproxy's test demands +/- 10 ms; runs %s)%n",
                median(millis), worst, format(millis));
    }

    private static void connectionRate(InetSocketAddress direct, InetSocketAddress proxied) throws IOException {
        connections(direct, 500);
        connections(proxied, 500);
        double[] directRuns = new double[3];
        double[] proxiedRuns = new double[3];
        for (int run = 0; run < 3; run++) {
            directRuns[run] = connections(direct, 3_000);
            proxiedRuns[run] = connections(proxied, 3_000);
        }
        System.out.println();
        System.out.println("## Connection set-up: connect, one 64-byte echo, close; sequential; median of 3 runs of 3000");
        System.out.printf(Locale.ROOT, "direct: %.0f connections/s; through proxy: %.0f connections/s (%.0f%%)%n",
                median(directRuns), median(proxiedRuns), 100 * median(proxiedRuns) / median(directRuns));
    }

    private static double connections(InetSocketAddress address, int count) throws IOException {
        byte[] message = new byte[64];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try (Socket socket = open(address)) {
                socket.getOutputStream().write(message);
                if (socket.getInputStream().readNBytes(64).length != 64) {
                    throw new IOException("echo ended early");
                }
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Sends {@code bytes} to the sink, which acknowledges with one byte once it has them all; returns seconds. */
    private static double transfer(InetSocketAddress address, long bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (Socket socket = open(address)) {
            OutputStream out = socket.getOutputStream();
            out.write(longBytes(bytes));
            long start = System.nanoTime();
            long sent = 0;
            while (sent < bytes) {
                int n = (int) Math.min(block.length, bytes - sent);
                out.write(block, 0, n);
                sent += n;
            }
            if (socket.getInputStream().read() < 0) {
                throw new IOException("sink closed before acknowledging");
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static byte[] longBytes(long value) {
        byte[] out = new byte[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double median(List<double[]> runs, int index) {
        return median(runs.stream().mapToDouble(run -> run[index]).toArray());
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", value));
        }
        return text.toString();
    }

    /** Loopback peers: an echo, and a sink that reads a length prefix, that many bytes, then acknowledges. */
    private static final class Peer implements AutoCloseable {
        private final ServerSocket server;

        private Peer(ServerSocket server, Handler handler) {
            this.server = server;
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    Socket socket;
                    try {
                        socket = server.accept();
                    } catch (IOException e) {
                        return;
                    }
                    Thread.ofPlatform().daemon().start(() -> {
                        try (socket) {
                            socket.setTcpNoDelay(true);
                            handler.handle(socket);
                        } catch (IOException ignored) {
                            // the benchmark client went away
                        }
                    });
                }
            });
        }

        interface Handler {
            void handle(Socket socket) throws IOException;
        }

        static Peer echo() throws IOException {
            return new Peer(new ServerSocket(0, 1024, InetAddress.getLoopbackAddress()), socket -> {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
            });
        }

        static Peer sink() throws IOException {
            return new Peer(new ServerSocket(0, 1024, InetAddress.getLoopbackAddress()), socket -> {
                InputStream in = socket.getInputStream();
                byte[] prefix = in.readNBytes(8);
                if (prefix.length < 8) {
                    return;
                }
                long expected = 0;
                for (byte b : prefix) {
                    expected = (expected << 8) | (b & 0xff);
                }
                byte[] buffer = new byte[256 * 1024];
                long received = 0;
                while (received < expected) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        return;
                    }
                    received += n;
                }
                socket.getOutputStream().write(1);
            });
        }

        int port() {
            return server.getLocalPort();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
