package dev.brownout.fakes.bench;

/*
 * How to run (from the repository root; each side holds one socket per stream, so raise the open-files limit):
 *
 *   ulimit -n 20000
 *   ./mvnw -q -pl fake-providers -Pbench compile exec:exec -Dbench.main=StreamScheduleBenchmark \
 *       -Dbench.args="--streams 10000 --measure-seconds 40"
 *
 * Starts the fake world as a separate JVM (FakesMain, the standalone jar's main class, on this classpath) with a
 * model of zero TTFT and 20 tokens/s, opens N streaming chat completions over loopback from a few selector threads
 * (SelectorStreamClient, --client-threads), and keeps N streams open by starting the next request on a connection
 * as soon as its stream ends. Inside the measurement window it records, for every token, how far its arrival is from its schedule
 * (token i due at the stream's first-token arrival + i / rate), the aggregate token rate, and the server's RSS
 * (from /proc) and heap (from its GC log). Runs ramp + measurement + at most a grace period, then stops.
 */

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** N concurrent token streams at a fixed rate: schedule error, achieved rate, server heap and RSS. */
public final class StreamScheduleBenchmark {

    private static final String MODEL = "bench-paced";
    private static final byte[] TOKEN_MARK = HttpStreamReader.ascii("\"delta\":{\"content\":");
    private static final Pattern GC_PAUSE = Pattern.compile(
            "\\[(\\d+)ms].*GC\\(\\d+\\) Pause .*? (\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");
    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(120);

    private final Options options;
    private final long gapNanos;
    private final AtomicHistogram gapErrorMicros = new AtomicHistogram(HIGHEST_MICROS, 3);
    private final AtomicHistogram firstTokenMicros = new AtomicHistogram(HIGHEST_MICROS, 3);
    private final LongAdder tokensInWindow = new LongAdder();
    private final LongAdder earlyTokens = new LongAdder();
    private final LongAdder streamsCompleted = new LongAdder();
    private final LongAdder streamsFailed = new LongAdder();
    private final AtomicInteger streamsOpen = new AtomicInteger();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private long[] firstToken;
    private int[] tokenIndex;
    private boolean[] streaming;
    private volatile long windowStart;
    private volatile long windowEnd;
    private volatile boolean cutting;

    private StreamScheduleBenchmark(Options options) {
        this.options = options;
        this.gapNanos = (long) (1_000_000_000d / options.tokensPerSecond);
    }

    public static void main(String[] args) throws Exception {
        new StreamScheduleBenchmark(Options.parse(args)).run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("brownout-streams-");
        Path catalog = BenchCatalog.write(work, MODEL, options.tokensPerSecond);
        Path worldFile = work.resolve("world.yaml");
        // Rate limits far above the load: the default 10,000 requests per minute would refuse most streams.
        Files.writeString(worldFile, """
                seed: 42
                catalog: %s
                providers:
                  - name: openai
                    dialect: openai
                    models: [%s]
                    behaviour:
                      rate_limit: { requests_per_minute: 2000000000, tokens_per_minute: 2000000000 }
                """.formatted(catalog, MODEL));
        Path gcLog = work.resolve("server-gc.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(options.serverJvmArgs.isBlank() ? new String[0]
                : options.serverJvmArgs.trim().split("\\s+")));
        command.add("-Xlog:gc:file=" + gcLog + ":uptimemillis");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.brownout.fakes.FakesMain",
                "--config", worldFile.toString(), "--ignore-stdin"));
        long spawned = System.nanoTime();
        Process server = new ProcessBuilder(command)
                .redirectError(work.resolve("server-stderr.log").toFile())
                .start();
        try {
            BufferedReader serverOut = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = serverOut.readLine();
            while (line != null && !line.startsWith("{")) {
                // JVM options such as -XX:StartFlightRecording log to standard output before the world's line.
                line = serverOut.readLine();
            }
            if (line == null) {
                throw new IllegalStateException("the fake server exited; see " + work.resolve("server-stderr.log"));
            }
            Thread.ofVirtual().start(() -> drain(serverOut));
            JsonNode provider = new ObjectMapper().readTree(line).get("providers").get(0);
            URI base = URI.create(provider.get("base_url").asText());
            String apiKey = provider.get("api_key").asText();
            System.out.printf(Locale.ROOT, "server pid %d at %s; %d streams at %.0f tokens/s, ramp %d s, "
                            + "measure %d s%n", server.pid(), base, options.streams, options.tokensPerSecond,
                    options.rampSeconds, options.measureSeconds);
            drive(server, spawned, base, apiKey, gcLog);
        } finally {
            server.destroy();
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private void drive(Process server, long spawned, URI base, String apiKey, Path gcLog) throws Exception {
        long start = System.nanoTime();
        windowStart = start + TimeUnit.SECONDS.toNanos(options.rampSeconds + options.settleSeconds);
        windowEnd = windowStart + TimeUnit.SECONDS.toNanos(options.measureSeconds);
        long hardStop = windowEnd + TimeUnit.SECONDS.toNanos(options.graceSeconds);
        Sampler sampler = new Sampler(server.pid());
        Thread samplerThread = Thread.ofPlatform().daemon().name("sampler").start(sampler);
        firstToken = new long[options.streams];
        tokenIndex = new int[options.streams];
        streaming = new boolean[options.streams];
        SelectorStreamClient client = new SelectorStreamClient(new InetSocketAddress(base.getHost(), base.getPort()),
                new Recorder(base, apiKey));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < options.clientThreads; t++) {
            int first = t;
            threads.add(Thread.ofPlatform().name("stream-client-" + t).start(() -> {
                try {
                    client.run(first, options.clientThreads, options.streams, start,
                            TimeUnit.SECONDS.toNanos(options.rampSeconds), windowEnd, hardStop);
                } catch (IOException e) {
                    fail("client: " + e.getMessage());
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // Whatever was still streaming at the hard stop was cut by the client, so the run ends by itself.
        cutting = true;
        sampler.stop();
        samplerThread.join();
        report(spawned, gcLog, sampler);
    }

    /** Dates every token of every stream against its schedule; each connection is only ever on one client thread. */
    private final class Recorder implements SelectorStreamClient.Listener {

        private final URI base;
        private final String apiKey;

        Recorder(URI base, String apiKey) {
            this.base = base;
            this.apiKey = apiKey;
        }

        @Override
        public byte[] request(int id, int round) {
            return StreamScheduleBenchmark.this.request(base, apiKey, id, round);
        }

        @Override
        public void streamStarted(int id) {
            streaming[id] = true;
            firstToken[id] = 0;
            tokenIndex[id] = 0;
            streamsOpen.incrementAndGet();
        }

        @Override
        public void chunk(int id, byte[] data, int length, long sent, long now) {
            int tokens = HttpStreamReader.count(data, length, TOKEN_MARK);
            boolean inWindow = now >= windowStart && now < windowEnd;
            for (int t = 0; t < tokens; t++, tokenIndex[id]++) {
                int index = tokenIndex[id];
                if (index == 0) {
                    firstToken[id] = now;
                    if (inWindow) {
                        firstTokenMicros.recordValue(Math.min(HIGHEST_MICROS, (now - sent) / 1_000));
                    }
                } else if (inWindow) {
                    long error = now - (firstToken[id] + index * gapNanos);
                    if (error < 0) {
                        earlyTokens.increment();
                    }
                    gapErrorMicros.recordValue(Math.min(HIGHEST_MICROS, Math.abs(error) / 1_000));
                }
                if (inWindow) {
                    tokensInWindow.increment();
                }
            }
        }

        @Override
        public void streamEnded(int id) {
            streamsCompleted.increment();
            closed(id);
        }

        @Override
        public void failed(int id, String reason) {
            fail(reason);
            closed(id);
        }

        private void closed(int id) {
            if (streaming[id]) {
                streaming[id] = false;
                streamsOpen.decrementAndGet();
            }
        }
    }

    private void fail(String reason) {
        if (cutting) {
            // Cut by this benchmark after the window, not a failure of the server.
            return;
        }
        streamsFailed.increment();
        failures.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    private byte[] request(URI base, String apiKey, int worker, int round) {
        // A prompt per worker and round gives answers of different lengths (the filler is 20-80 words), so the
        // streams drift apart instead of ticking in lock-step.
        String body = """
                {"model":"%s","stream":true,"messages":[{"role":"user","content":"Stream %d, round %d: \
                report on the gateway."}]}""".formatted(MODEL, worker, round);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + base.getPath() + "/chat/completions HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: Bearer " + apiKey + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: text/event-stream\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + bytes.length);
        System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
        return request;
    }

    private void report(long spawned, Path gcLog, Sampler sampler) throws IOException {
        double seconds = (windowEnd - windowStart) / 1e9;
        long tokens = tokensInWindow.sum();
        double target = options.streams * options.tokensPerSecond;
        System.out.printf(Locale.ROOT, "%n== window of %.0f s (at its end: %s) ==%n", seconds, sampler.loadAtWindowEnd);
        System.out.printf(Locale.ROOT, "streams open: mean %.0f, min %d (target %d)%n",
                sampler.open.getMean(), sampler.open.getMinValue(), options.streams);
        System.out.printf(Locale.ROOT, "tokens received: %d -> %.0f tokens/s (target %.0f, %.1f%%)%n",
                tokens, tokens / seconds, target, 100 * tokens / seconds / target);
        System.out.printf(Locale.ROOT, "streams completed %d, failed %d (whole run, not counting those cut at the hard stop)%n",
                streamsCompleted.sum(), streamsFailed.sum());
        failures.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .limit(5)
                .forEach(entry -> System.out.printf(Locale.ROOT, "  %6d x %s%n", entry.getValue().sum(), entry.getKey()));
        System.out.printf(Locale.ROOT, "gap error |arrival - schedule| over %d tokens: p50 %.2f ms, p90 %.2f ms, "
                        + "p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; %d tokens early%n",
                gapErrorMicros.getTotalCount(), millis(gapErrorMicros, 50), millis(gapErrorMicros, 90),
                millis(gapErrorMicros, 99), millis(gapErrorMicros, 99.9), gapErrorMicros.getMaxValue() / 1000.0,
                earlyTokens.sum());
        System.out.printf(Locale.ROOT, "first token after request (nominal TTFT 0): p50 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms over %d streams%n",
                millis(firstTokenMicros, 50), millis(firstTokenMicros, 99), firstTokenMicros.getMaxValue() / 1000.0,
                firstTokenMicros.getTotalCount());
        System.out.printf(Locale.ROOT, "server RSS: max %d MiB, at window end %d MiB%n",
                sampler.maxRssKib / 1024, sampler.rssAtWindowEndKib / 1024);
        System.out.printf(Locale.ROOT, "server CPU in window: %.2f cores (%.0f%% of it in the kernel); CPU per token "
                        + "delivered %.1f µs; client CPU in window: %.2f cores%n",
                sampler.serverCpuCores(), 100 * sampler.serverSystemShare(),
                sampler.serverCpuCores() * 1e6 / (tokens / seconds), sampler.clientCpuCores());
        reportHeap(spawned, gcLog);
    }

    private void reportHeap(long spawned, Path gcLog) throws IOException {
        long fromMillis = (windowStart - spawned) / 1_000_000;
        long toMillis = (windowEnd - spawned) / 1_000_000;
        Histogram after = new Histogram(3);
        long maxBefore = 0;
        long maxCommitted = 0;
        double maxPause = 0;
        int pauses = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (!pause.find()) {
                continue;
            }
            long at = Long.parseLong(pause.group(1));
            if (at < fromMillis || at > toMillis) {
                continue;
            }
            pauses++;
            maxBefore = Math.max(maxBefore, Long.parseLong(pause.group(2)));
            after.recordValue(Long.parseLong(pause.group(3)));
            maxCommitted = Math.max(maxCommitted, Long.parseLong(pause.group(4)));
            maxPause = Math.max(maxPause, Double.parseDouble(pause.group(5)));
        }
        if (pauses == 0) {
            System.out.println("server heap: no GC pause inside the window (see " + gcLog + ")");
            return;
        }
        System.out.printf(Locale.ROOT, "server heap (GC log, %d pauses in window): used before GC max %d MiB; "
                        + "after GC median %d MiB, max %d MiB; committed max %d MiB; longest pause %.1f ms%n",
                pauses, maxBefore, after.getValueAtPercentile(50), after.getMaxValue(), maxCommitted, maxPause);
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // The server prints nothing more of interest; reading keeps its pipe from filling.
            }
        } catch (IOException e) {
            // The server has gone.
        }
    }

    /** Samples open streams, the server's RSS and both processes' CPU time, once every 100 ms. */
    private final class Sampler implements Runnable {
        private final long pid;
        private final Histogram open = new Histogram(3);
        private volatile boolean running = true;
        private long maxRssKib;
        private long rssAtWindowEndKib;
        private volatile String loadAtWindowEnd = "";
        private long serverCpuAtStart = -1;
        private long serverCpuAtEnd = -1;
        private long serverSystemAtStart = -1;
        private long serverSystemAtEnd = -1;
        private long clientCpuAtStart = -1;
        private long clientCpuAtEnd = -1;

        Sampler(long pid) {
            this.pid = pid;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            while (running) {
                long now = System.nanoTime();
                if (now >= windowStart && now < windowEnd) {
                    open.recordValue(streamsOpen.get());
                    long rss = rssKib();
                    maxRssKib = Math.max(maxRssKib, rss);
                    rssAtWindowEndKib = rss;
                    loadAtWindowEnd = MachineLoad.loadAverage();
                    if (serverCpuAtStart < 0) {
                        serverCpuAtStart = serverCpuTicks();
                        serverSystemAtStart = serverSystemTicks();
                        clientCpuAtStart = os.getProcessCpuTime();
                    }
                } else if (now >= windowEnd && serverCpuAtEnd < 0 && serverCpuAtStart >= 0) {
                    serverCpuAtEnd = serverCpuTicks();
                    serverSystemAtEnd = serverSystemTicks();
                    clientCpuAtEnd = os.getProcessCpuTime();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }

        /** The share of the server's CPU spent in the kernel (its writes, and loopback TCP's work done for them). */
        double serverSystemShare() {
            return serverCpuAtEnd <= serverCpuAtStart ? Double.NaN
                    : (serverSystemAtEnd - serverSystemAtStart) / (double) (serverCpuAtEnd - serverCpuAtStart);
        }

        double serverCpuCores() {
            // /proc/PID/stat counts in clock ticks, which are 100 per second on Linux.
            return serverCpuAtEnd < 0 ? Double.NaN : (serverCpuAtEnd - serverCpuAtStart) / 100.0
                    / ((windowEnd - windowStart) / 1e9);
        }

        double clientCpuCores() {
            return clientCpuAtEnd < 0 ? Double.NaN : (clientCpuAtEnd - clientCpuAtStart) / 1e9
                    / ((windowEnd - windowStart) / 1e9);
        }

        private long rssKib() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // The server has exited.
            }
            return 0;
        }

        private long serverSystemTicks() {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]);
            } catch (IOException e) {
                return 0;
            }
        }

        private long serverCpuTicks() {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // After the command name: field 14 (utime) and 15 (stime) of stat are at 11 and 12 here.
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException e) {
                return 0;
            }
        }
    }

    private record Options(int streams, double tokensPerSecond, int rampSeconds, int settleSeconds,
                           int measureSeconds, int graceSeconds, String serverJvmArgs, int clientThreads) {
        static Options parse(String[] args) {
            int streams = 10_000;
            double rate = 20;
            int ramp = 5;
            int settle = 5;
            int measure = 40;
            int grace = 10;
            String serverJvmArgs = "";
            int clientThreads = 2;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--streams" -> streams = Integer.parseInt(value);
                    case "--tokens-per-second" -> rate = Double.parseDouble(value);
                    case "--ramp-seconds" -> ramp = Integer.parseInt(value);
                    case "--settle-seconds" -> settle = Integer.parseInt(value);
                    case "--measure-seconds" -> measure = Integer.parseInt(value);
                    case "--grace-seconds" -> grace = Integer.parseInt(value);
                    case "--server-jvm-args" -> serverJvmArgs = value.replace(';', ' ');
                    case "--client-threads" -> clientThreads = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: --streams "
                            + "--tokens-per-second --ramp-seconds --settle-seconds --measure-seconds --grace-seconds "
                            + "--server-jvm-args (separated by ';') --client-threads");
                }
            }
            return new Options(streams, rate, ramp, settle, measure, grace, serverJvmArgs, clientThreads);
        }
    }
}
