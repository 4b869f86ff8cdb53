package dev.brownout.fakes.bench;

import org.HdrHistogram.AtomicHistogram;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency at a fixed request rate, measured from when each request was due to be sent rather than from when it
 * was sent, so a server that falls behind is charged for the queue it causes (no coordinated omission): the
 * client wrk2 would be, which this machine does not have. Each of {@code connections} keep-alive sockets sends its
 * share of the rate on a fixed schedule from a virtual thread and reads each answer before its next request.
 */
public final class FixedRateLatency {

    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);

    /** Latency percentiles in microseconds, the rate actually achieved and the failures seen. */
    record Result(double requestsPerSecond, long p50, long p99, long p999, long max, long count, long errors) {
    }

    private FixedRateLatency() {
    }

    /**
     * Runs in a JVM of its own, so the servers' collections and threads do not stall the client and the client's do
     * not stall the servers: arguments url, authorization, body, rate, connections, warm-up seconds, seconds; prints
     * one line {@code result <requests/s> <p50> <p99> <p99.9> <max> <count> <errors>} (microseconds).
     */
    public static void main(String[] args) throws InterruptedException {
        Result result = run(args[0], args[2].getBytes(StandardCharsets.UTF_8), args[1], Double.parseDouble(args[3]),
                Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        System.out.printf(java.util.Locale.ROOT, "result %f %d %d %d %d %d %d%n", result.requestsPerSecond(),
                result.p50(), result.p99(), result.p999(), result.max(), result.count(), result.errors());
    }

    /** Runs {@link #main} in a child JVM with this one's class path, and reads its result line. */
    static Result runInChildJvm(String url, byte[] requestBody, String authorization, double rate, int connections,
                                int warmupSeconds, int seconds) throws java.io.IOException, InterruptedException {
        Process child = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"), FixedRateLatency.class.getName(),
                url, authorization, new String(requestBody, StandardCharsets.UTF_8), Double.toString(rate),
                Integer.toString(connections), Integer.toString(warmupSeconds), Integer.toString(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (child.waitFor() != 0 || !output.startsWith("result ")) {
            throw new IllegalStateException("the fixed-rate client failed: " + output);
        }
        String[] fields = output.trim().split(" ");
        return new Result(Double.parseDouble(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
                Long.parseLong(fields[4]), Long.parseLong(fields[5]), Long.parseLong(fields[6]), Long.parseLong(fields[7]));
    }

    static Result run(String url, byte[] requestBody, String authorization, double rate, int connections,
                      int warmupSeconds, int seconds) throws InterruptedException {
        URI uri = URI.create(url);
        byte[] request = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: " + authorization + "\r\nContent-Type: application/json\r\nContent-Length: "
                + requestBody.length + "\r\n\r\n" + new String(requestBody, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        AtomicHistogram micros = new AtomicHistogram(HIGHEST_MICROS, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong counted = new AtomicLong();
        long periodNanos = (long) (connections * 1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            long first = start + periodNanos * i / connections;
            threads.add(Thread.ofVirtual().start(() -> {
                try (Socket socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
                    OutputStream out = socket.getOutputStream();
                    HttpStreamReader in = new HttpStreamReader(socket.getInputStream());
                    byte[] chunk = new byte[64 * 1024];
                    for (long due = first; due < end; due += periodNanos) {
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        out.write(request);
                        out.flush();
                        HttpStreamReader.Head head = in.readHead();
                        if (head.chunked()) {
                            while (in.readChunk(chunk) >= 0) {
                                // Only the end of the answer counts.
                            }
                        } else {
                            in.skip(head.contentLength());
                        }
                        long latency = System.nanoTime() - due;
                        if (due >= measureFrom) {
                            counted.incrementAndGet();
                            micros.recordValue(Math.min(HIGHEST_MICROS, latency / 1_000));
                            if (head.status() != 200) {
                                errors.incrementAndGet();
                            }
                        }
                        if (head.close()) {
                            throw new IOException("the server closed the connection");
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(counted.get() / (double) seconds, micros.getValueAtPercentile(50),
                micros.getValueAtPercentile(99), micros.getValueAtPercentile(99.9), micros.getMaxValue(),
                counted.get(), errors.get());
    }
}
