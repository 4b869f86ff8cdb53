package dev.brownout.gatling.bench;

import jdk.jfr.Recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures one step from inside the forked Gatling JVM: from the measured population's first task and after a
 * settling time it takes the CPU seconds of this JVM (by
 * thread kind too) and of the gateway process, starts a JFR recording of execution samples, and at the end of the
 * window takes them again. Written as a properties file the benchmark reads after Gatling has exited.
 */
final class StepProbe {

    private final Path statsFile;
    private final Path jfrFile;
    private final Duration warm;
    private final Duration window;
    private final Properties stats = new Properties();
    private final CountDownLatch loadEnded = new CountDownLatch(1);
    private Thread sampler;

    private StepProbe(Path statsFile, Path jfrFile, Duration warm, Duration window) {
        this.statsFile = statsFile;
        this.jfrFile = jfrFile;
        this.warm = warm;
        this.window = window;
    }

    static StepProbe fromSystemProperties() {
        String jfr = System.getProperty("bench.jfr", "");
        return new StepProbe(Path.of(System.getProperty("bench.stats", "step.properties")),
                jfr.isBlank() ? null : Path.of(jfr),
                Duration.ofMillis(Long.getLong("bench.warmMillis", 3000)),
                Duration.ofMillis(Long.getLong("bench.windowMillis", 12000)));
    }

    /** The same feeder, starting the sampler when its first record is taken (the measured population's first user). */
    Iterator<Map<String, Object>> startingWith(Iterator<Map<String, Object>> feeder) {
        AtomicBoolean started = new AtomicBoolean();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return feeder.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                Map<String, Object> record = feeder.next();
                if (started.compareAndSet(false, true)) {
                    start();
                }
                return record;
            }
        };
    }

    /** Starts the sampler; the gateway is the child process running the resilient gateway's main. */
    private synchronized void start() {
        long gateway = gatewayPid().orElse(-1L);
        stats.setProperty("gateway.pid", Long.toString(gateway));
        sampler = Thread.ofPlatform().daemon().name("bench-step-probe").start(() -> sample(gateway));
    }

    private static Optional<Long> gatewayPid() {
        return ProcessHandle.current().descendants()
                .filter(p -> ProcCpu.commandLine(p.pid()).contains("dev.brownout.gateways.resilient.ResilientGateway"))
                .map(ProcessHandle::pid).findFirst();
    }

    private void sample(long gateway) {
        long self = ProcessHandle.current().pid();
        boolean cut = false;
        try {
            if (loadEnded.await(warm.toNanos(), TimeUnit.NANOSECONDS)) {
                stats.setProperty("cut", "the load ended during the warm-up");
                return;
            }
        } catch (InterruptedException e) {
            return;
        }
        long startNanos = System.nanoTime();
        double selfStart = ProcCpu.processSeconds(self);
        double gatewayStart = ProcCpu.processSeconds(gateway);
        Map<String, Double> threadsStart = ProcCpu.ownThreads();
        stats.setProperty("load.start", Double.toString(ProcCpu.loadAverage()));
        Recording recording = null;
        if (jfrFile != null) {
            recording = new Recording();
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.setToDisk(true);
            recording.start();
        }
        try {
            cut = loadEnded.await(window.minus(warm).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            cut = true;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double selfCpu = difference(selfStart, ProcCpu.processSeconds(self));
        double gatewayCpu = difference(gatewayStart, ProcCpu.processSeconds(gateway));
        Map<String, Double> threadsEnd = ProcCpu.ownThreads();
        if (recording != null) {
            recording.stop();
            try {
                recording.dump(jfrFile);
            } catch (IOException e) {
                stats.setProperty("jfr.error", e.toString());
            }
            recording.close();
        }
        stats.setProperty("load.end", Double.toString(ProcCpu.loadAverage()));
        stats.setProperty("window.seconds", Double.toString(seconds));
        stats.setProperty("gatling.cpu", Double.toString(selfCpu));
        stats.setProperty("gateway.cpu", Double.toString(gatewayCpu));
        byKind(threadsStart, threadsEnd).forEach((kind, cpu) -> stats.setProperty("gatling.threads." + kind, Double.toString(cpu)));
        if (cut && seconds < window.minus(warm).toMillis() / 1000.0 - 0.5) {
            stats.setProperty("cut", "the load ended " + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s into the window");
        }
    }

    /** NaN when either end could not be read (the process gone, or this JVM out of file descriptors under overload). */
    private static double difference(double start, double end) {
        return start < 0 || end < 0 ? Double.NaN : end - start;
    }

    /** CPU of the threads alive at both ends of the window, by kind: the JVM's GC, JIT and JFR threads, the rest Java. */
    private static Map<String, Double> byKind(Map<String, Double> start, Map<String, Double> end) {
        Map<String, Double> kinds = new HashMap<>();
        end.forEach((thread, cpu) -> {
            Double before = start.get(thread);
            if (before != null) {
                kinds.merge(kind(thread.substring(thread.indexOf(':') + 1)), cpu - before, Double::sum);
            }
        });
        return kinds;
    }

    private static String kind(String name) {
        if (name.startsWith("GC ") || name.startsWith("G1 ")) {
            return "gc";
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
            return "jit";
        }
        if (name.startsWith("JFR")) {
            return "jfr";
        }
        return "java";
    }

    /** Ends the window now if the load ended before it, and waits for the sampler to write its figures. */
    void stop() {
        Thread sampler;
        synchronized (this) {
            sampler = this.sampler;
        }
        if (sampler == null) {
            return;
        }
        loadEnded.countDown();
        try {
            sampler.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the step's figures and the run folder Brownout measured. */
    void write(Path runFolder) {
        stats.setProperty("run.folder", runFolder.toAbsolutePath().toString());
        try (var out = Files.newBufferedWriter(statsFile)) {
            stats.store(out, "one step of GatlingLoadBenchmark");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + statsFile, e);
        }
    }
}
