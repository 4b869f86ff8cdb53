package dev.brownout.gatling.bench;

import dev.brownout.Baseline;
import dev.brownout.Brownout;
import dev.brownout.BrownoutRun;
import dev.brownout.Sut;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The Gatling load-run benchmark (BENCHMARKS.md, "Gatling load runs"). In one invocation:
 * <ol>
 *   <li>a ladder of arrival rates, each step a forked Gatling JVM playing {@link GatlingBenchSimulation} against the
 *       resilient reference gateway started as its own process, streamed and/or plain; a mode's ladder stops at the
 *       first step where the gateway saturates (unless {@code --all-rates});</li>
 *   <li>for each step, the CPU of the gateway and of the Gatling JVM over the measured window, and the Gatling JVM's
 *       split (Gatling, fakes, proxies, recorder) from JFR execution samples;</li>
 *   <li>every step plays a baseline population first (the same tasks, the timeline held clean), which also warms up
 *       the Gatling JVM, the world and the gateway process; the measured population is what is reported;</li>
 *   <li>at {@code --compare-rate}, Brownout's own driver plays the same scenario against the same SUT file with
 *       {@code Baseline.auto()}: IQ loss and availability of both, with their 95% intervals, side by side;</li>
 *   <li>a Markdown table on standard output and in {@code <out>/gatling-bench.md}.</li>
 * </ol>
 * Options: {@code --rates 50,100,200,400,800 --seconds 12 --stream both|true|false --compare-rate 100
 * --warm-seconds 3 --all-rates --out target/gatling-bench}.
 */
public final class GatlingLoadBenchmark {

    private static final String RESOURCES = "gatling-bench/";
    private static final double SATURATED_THROUGHPUT = 0.9;
    private static final double SATURATED_P50_MS = 500;
    private static final double SATURATED_FAILURES = 0.01;

    private final Options options;
    private final Path out;
    private final StringBuilder report = new StringBuilder();
    private final List<String> failedSteps = new ArrayList<>();

    private GatlingLoadBenchmark(Options options, Path out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("GatlingLoadBenchmark: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Path out = options.out.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now())).toAbsolutePath();
        Files.createDirectories(out);
        new GatlingLoadBenchmark(options, out).run();
        System.exit(0);
    }

    private void run() throws Exception {
        for (String resource : List.of("bench-catalog.yaml", "resilient-gateway-process.yaml", "resilient-gateway.yaml.mustache")) {
            try (InputStream in = GatlingLoadBenchmark.class.getClassLoader().getResourceAsStream(RESOURCES + resource)) {
                if (in == null) {
                    throw new IllegalStateException("bench resource " + RESOURCES + resource + " is not on the class path");
                }
                Files.copy(in, out.resolve(resource));
            }
        }
        long began = System.nanoTime();
        line("# Gatling load runs: " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + "load average at start " + ProcCpu.loadAverage());
        line("");
        line("Options: rates " + options.rates + ", " + options.seconds + " s per step, stream " + options.modes
                + ", compare at " + options.compareRate + "/s, CPU window from " + options.warmSeconds + " s after the measured population's first task to its end "
                + "(the baseline population before it is the warm-up). "
                + "Folder: " + out);
        List<Step> steps = new ArrayList<>();
        for (boolean stream : options.modes) {
            for (int rate : options.rates) {
                Step step;
                try {
                    step = ladderStep(rate, stream);
                } catch (IllegalStateException | IOException e) {
                    String mode = stream ? "stream" : "plain";
                    System.out.println(mode + " " + rate + "/s: no figures, " + e.getMessage()
                            + "; this mode's ladder stops here");
                    failedSteps.add("| " + mode + " | " + rate + " | **no figures**: " + e.getMessage().replace(out + "/", "")
                            + " | | | | | | | | | | **yes** |");
                    break;
                }
                steps.add(step);
                System.out.println(step.summaryLine());
                if (step.saturated() != null && !options.allRates) {
                    System.out.println("  saturated (" + step.saturated() + "): this mode's ladder stops here");
                    break;
                }
            }
        }
        writeLadder(steps);
        if (options.compareRate > 0) {
            List<Comparison> comparisons = new ArrayList<>();
            for (boolean stream : options.modes) {
                Step played = steps.stream().filter(step -> step.stream == stream && step.rate == options.compareRate)
                        .findFirst().orElse(null);
                comparisons.add(compare(options.compareRate, stream, played));
            }
            writeComparisons(comparisons);
        }
        line("");
        line(String.format(Locale.ROOT, "Whole benchmark: %.0f s; load average at the end %.2f.",
                (System.nanoTime() - began) / 1e9, ProcCpu.loadAverage()));
        Files.writeString(out.resolve("gatling-bench.md"), report.toString());
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + out.resolve("gatling-bench.md"));
    }

    private Step ladderStep(int rate, boolean stream) throws Exception {
        Path folder = Files.createDirectories(out.resolve((stream ? "stream" : "plain") + "-" + rate));
        Path scenario = BenchScenario.write(out, rate, options.seconds, stream);
        Properties stats = forkGatling(folder, scenario, true);
        RunResult result = RunResults.read(Path.of(stats.getProperty("run.folder")).resolve(RunResults.FILE_NAME));
        Path jfr = folder.resolve("gatling.jfr");
        CpuSplit split = Files.exists(jfr) ? CpuSplit.read(jfr) : null;
        return new Step(rate, stream, options.seconds, stats, result, split);
    }

    private Properties forkGatling(Path folder, Path scenario, boolean baseline) throws Exception {
        Path statsFile = folder.resolve("step.properties");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                // Gatling's start-up version check asks Maven Central through HttpURLConnection: send it nowhere
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9",
                "-Dgatling.conf.file=" + RESOURCES + "gatling.conf",
                "-Dbench.scenario=" + scenario, "-Dbench.sut=" + out.resolve("resilient-gateway-process.yaml"),
                "-Dbench.runs=" + folder.resolve("runs"), "-Dbench.baseline=" + baseline,
                "-Dbench.stats=" + statsFile, "-Dbench.jfr=" + folder.resolve("gatling.jfr"),
                "-Dbench.warmMillis=" + options.warmSeconds * 1000L, "-Dbench.windowMillis=" + options.seconds * 1000L,
                "-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "-s", GatlingBenchSimulation.class.getName(), "-rf", folder.resolve("gatling").toString(), "-nr",
                "-rd", Base64.getEncoder().encodeToString("brownout gatling bench".getBytes(StandardCharsets.UTF_8))));
        Process gatling = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("gatling.log").toFile()).start();
        // a baseline and a measured population, then the drain (10 s task budget) and the measurement
        long limit = options.seconds * 2L + 90;
        if (!gatling.waitFor(limit, TimeUnit.SECONDS)) {
            gatling.descendants().forEach(ProcessHandle::destroyForcibly);
            gatling.destroyForcibly();
            throw new IllegalStateException("Gatling did not end within " + limit + " s; see " + folder.resolve("gatling.log"));
        }
        if (!Files.exists(statsFile)) {
            throw new IllegalStateException("Gatling exited " + gatling.exitValue() + " without writing " + statsFile
                    + "; see " + folder.resolve("gatling.log"));
        }
        Properties stats = new Properties();
        try (var in = Files.newBufferedReader(statsFile)) {
            stats.load(in);
        }
        stats.setProperty("gatling.exit", Integer.toString(gatling.exitValue()));
        return stats;
    }

    /** Brownout's driver at {@code rate}, beside the ladder's Gatling step at that rate (played now if the ladder has none). */
    private Comparison compare(int rate, boolean stream, Step played) throws Exception {
        String mode = stream ? "stream" : "plain";
        Path folder = Files.createDirectories(out.resolve("compare-" + mode + "-" + rate));
        Path scenario = BenchScenario.write(out, rate, options.seconds, stream);
        Properties stats;
        RunResult gatling;
        if (played != null) {
            stats = played.stats;
            gatling = played.result;
        } else {
            System.out.println("compare " + mode + " at " + rate + "/s: Gatling (no ladder step at this rate)...");
            stats = forkGatling(folder, scenario, true);
            gatling = RunResults.read(Path.of(stats.getProperty("run.folder")).resolve(RunResults.FILE_NAME));
        }
        System.out.println("compare " + mode + " at " + rate + "/s: Brownout's driver with Baseline.auto()...");
        BrownoutRun driver = Brownout.scenario(scenario).against(Sut.fromFile(out.resolve("resilient-gateway-process.yaml")))
                .baseline(Baseline.auto()).warmup(Duration.ZERO).outputTo(folder.resolve("driver-runs")).run();
        return new Comparison(rate, stream, gatling, driver.result(), Path.of(stats.getProperty("run.folder")), driver.folder());
    }

    private void writeLadder(List<Step> steps) {
        line("");
        line("## Ladder: Gatling against the resilient gateway process");
        line("");
        line("CPU is in cores (CPU seconds / window seconds) over the measured population's window (from --warm-seconds "
                + "after its first task to its end); \"–\" where /proc could not be read at the window's end; "
                + "the Gatling JVM's split is its JFR execution samples' shares; overhead = (fakes + proxies + recorder + "
                + "Brownout on Gatling's threads) sample share × the Gatling JVM's Java-thread CPU (lower estimate) or its whole CPU "
                + "with JIT and GC (upper estimate), over gateway + Gatling JVM CPU.");
        line("");
        line("| mode | rate /s | tasks | answered /s | availability | p50 / p99 latency ms | start lag p99 ms | gateway cores | Gatling JVM cores (GC, JIT) | " + splitHeader() + " | overhead % of CPU (Java threads only – whole JVM) | load avg | saturated |");
        line("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | --- | ---: | --- | --- |");
        for (Step step : steps) {
            line(step.tableRow());
        }
        failedSteps.forEach(this::line);
        for (boolean stream : options.modes) {
            Integer best = null;
            for (Step step : steps) {
                if (step.stream == stream && step.overheadShareOfCpuJavaOnly() < 0.10) {
                    best = best == null ? step.rate : Math.max(best, step.rate);
                }
            }
            line("");
            line("Highest rate with the run's own overhead under 10% of the CPU used (even by the lower estimate), "
                    + (stream ? "streamed" : "plain")
                    + ": " + (best == null ? "none of the steps" : best + "/s"));
        }
    }

    private void writeComparisons(List<Comparison> comparisons) {
        line("");
        line("## Gatling vs Brownout's own driver, same scenario and gateway, baseline played first in both");
        line("");
        line("Gatling's row is the ladder's step at this rate (a baseline population then the measured one, in one "
                + "world); Brownout's driver plays Baseline.auto() (a baseline run, then the measured run).");
        line("");
        line("| mode | rate /s | driver | tasks | IQ loss [95% interval] | availability [95% Wilson interval] | p50 / p99 latency ms | run folder |");
        line("| --- | ---: | --- | ---: | --- | --- | --- | --- |");
        for (Comparison comparison : comparisons) {
            line(comparison.row("Gatling", comparison.gatling, comparison.gatlingFolder));
            line(comparison.row("Brownout", comparison.driver, comparison.driverFolder));
        }
        line("");
        for (Comparison comparison : comparisons) {
            line("- " + (comparison.stream ? "streamed" : "plain") + " at " + comparison.rate + "/s: IQ loss intervals "
                    + (comparison.iqLossAgree() ? "overlap (agree)" : "do NOT overlap")
                    + "; availability intervals " + (comparison.availabilityAgree() ? "overlap (agree)" : "do NOT overlap"));
        }
    }

    private static String splitHeader() {
        StringBuilder header = new StringBuilder("Gatling JVM samples %: ");
        for (CpuSplit.Part part : CpuSplit.Part.values()) {
            header.append(part.ordinal() == 0 ? "" : " / ").append(part.shortName);
        }
        return header.toString();
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    /** Wilson score interval at 95% for k successes in n trials: {low, high}. */
    static double[] wilson(long k, long n) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double z = 1.959964;
        double p = (double) k / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static String fmt(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** One ladder step: what Brownout measured and where the CPU went. */
    private record Step(int rate, boolean stream, int seconds, Properties stats, RunResult result, CpuSplit split) {

        double number(String key) {
            String value = stats.getProperty(key);
            return value == null ? Double.NaN : Double.parseDouble(value);
        }

        long answered() {
            return result.summary().answered();
        }

        double answeredPerSecond() {
            List<ExchangeResult> exchanges = result.exchanges();
            if (exchanges.isEmpty()) {
                return 0;
            }
            double first = exchanges.stream().mapToDouble(ExchangeResult::intendedMs).min().orElse(0);
            double last = exchanges.stream().mapToDouble(ExchangeResult::endedMs).max().orElse(0);
            return answered() * 1000.0 / Math.max(last - first, seconds * 1000.0);
        }

        double startLagP99() {
            return percentile(result.exchanges().stream().map(e -> e.startedMs() - e.intendedMs()).toList(), 0.99);
        }

        double failures() {
            long n = result.summary().exchanges() - result.summary().aborted();
            return n == 0 ? 1 : (double) (result.summary().errors() + result.summary().timeouts()) / n;
        }

        String saturated() {
            List<String> why = new ArrayList<>();
            if (answeredPerSecond() < SATURATED_THROUGHPUT * rate) {
                why.add("throughput " + fmt(answeredPerSecond(), 1) + "/s < 90% of the rate");
            }
            Double p50 = result.summary().latency().p50Ms();
            if (p50 != null && p50 > SATURATED_P50_MS) {
                why.add("p50 latency " + fmt(p50, 0) + " ms");
            }
            if (failures() > SATURATED_FAILURES) {
                why.add(fmt(failures() * 100, 1) + "% errors/timeouts");
            }
            return why.isEmpty() ? null : String.join(", ", why);
        }

        double cores(String key) {
            return number(key) / number("window.seconds");
        }

        /**
         * The run's own overhead over gateway + Gatling JVM CPU, its sample share applied to the whole Gatling JVM's
         * CPU (JIT, GC and JFR threads counted in proportion): the upper estimate.
         */
        double overheadShareOfCpu() {
            return overheadShare(number("gatling.cpu"));
        }

        /** The same, the share applied to the Gatling JVM's Java threads only (JIT, GC, JFR counted nowhere): the lower estimate. */
        double overheadShareOfCpuJavaOnly() {
            return overheadShare(number("gatling.threads.java"));
        }

        private double overheadShare(double attributable) {
            double gatling = number("gatling.cpu");
            double gateway = number("gateway.cpu");
            if (split == null || Double.isNaN(gatling) || Double.isNaN(gateway) || Double.isNaN(attributable)
                    || gatling + gateway <= 0) {
                return Double.NaN;
            }
            return split.overheadShare() * attributable / (gatling + gateway);
        }

        String splitText() {
            if (split == null || split.total() == 0) {
                return "–";
            }
            StringBuilder text = new StringBuilder();
            for (CpuSplit.Part part : CpuSplit.Part.values()) {
                text.append(text.isEmpty() ? "" : " / ").append(fmt(split.share(part) * 100, 0));
            }
            return text + " % of " + split.total();
        }

        String summaryLine() {
            return String.format(Locale.ROOT, "%s %d/s: %d tasks, %.1f answered/s, availability %s, p50 %s ms, "
                            + "gateway %.2f cores, Gatling JVM %.2f cores, overhead %s%% of CPU, load %s%s",
                    stream ? "stream" : "plain", rate, result.summary().exchanges(), answeredPerSecond(),
                    fmt(result.summary().availability() == null ? Double.NaN : result.summary().availability(), 3),
                    fmt(result.summary().latency().p50Ms() == null ? Double.NaN : result.summary().latency().p50Ms(), 0),
                    cores("gateway.cpu"), cores("gatling.cpu"), fmt(overheadShareOfCpu() * 100, 1),
                    stats.getProperty("load.end", "?"), stats.containsKey("cut") ? " (window cut: " + stats.getProperty("cut") + ")" : "");
        }

        String tableRow() {
            var latency = result.summary().latency();
            return "| " + (stream ? "stream" : "plain") + " | " + rate + " | " + result.summary().exchanges() + " | "
                    + fmt(answeredPerSecond(), 1) + " | "
                    + fmt(result.summary().availability() == null ? Double.NaN : result.summary().availability(), 3) + " | "
                    + fmt(latency.p50Ms() == null ? Double.NaN : latency.p50Ms(), 0) + " / "
                    + fmt(latency.p99Ms() == null ? Double.NaN : latency.p99Ms(), 0) + " | "
                    + fmt(startLagP99(), 0) + " | " + fmt(cores("gateway.cpu"), 2) + " | "
                    + fmt(cores("gatling.cpu"), 2) + " (" + fmt(cores("gatling.threads.gc"), 2) + ", "
                    + fmt(cores("gatling.threads.jit"), 2) + ") | " + splitText() + " | "
                    + fmt(overheadShareOfCpuJavaOnly() * 100, 1) + "–" + fmt(overheadShareOfCpu() * 100, 1) + " | "
                    + stats.getProperty("load.start", "?") + " → "
                    + stats.getProperty("load.end", "?") + " | " + (saturated() == null ? "no" : "**yes**: " + saturated()) + " |";
        }
    }

    /** The same scenario measured through Gatling and through Brownout's own driver. */
    private record Comparison(int rate, boolean stream, RunResult gatling, RunResult driver, Path gatlingFolder,
                              Path driverFolder) {

        static String estimate(Estimate estimate) {
            if (estimate == null) {
                return "–";
            }
            return fmt(estimate.value() * 100, 1) + "% [" + (estimate.low() == null ? "–" : fmt(estimate.low() * 100, 1))
                    + ", " + (estimate.high() == null ? "–" : fmt(estimate.high() * 100, 1)) + "]";
        }

        static double[] availability(RunResult result) {
            long n = result.summary().exchanges() - result.summary().aborted();
            return wilson(result.summary().answered(), n);
        }

        String row(String driverName, RunResult result, Path folder) {
            double[] interval = availability(result);
            Double value = result.summary().availability();
            return "| " + (stream ? "stream" : "plain") + " | " + rate + " | " + driverName + " | "
                    + result.summary().exchanges() + " | " + estimate(result.quality().iqLoss()) + " | "
                    + fmt(value == null ? Double.NaN : value * 100, 1) + "% [" + fmt(interval[0] * 100, 1) + ", "
                    + fmt(interval[1] * 100, 1) + "] | " + fmt(nan(result.summary().latency().p50Ms()), 0) + " / "
                    + fmt(nan(result.summary().latency().p99Ms()), 0) + " | " + folder.getFileName() + " |";
        }

        boolean iqLossAgree() {
            Estimate a = gatling.quality().iqLoss();
            Estimate b = driver.quality().iqLoss();
            if (a == null || b == null || a.low() == null || b.low() == null) {
                return false;
            }
            return a.low() <= b.high() && b.low() <= a.high();
        }

        boolean availabilityAgree() {
            double[] a = availability(gatling);
            double[] b = availability(driver);
            return a[0] <= b[1] && b[0] <= a[1];
        }
    }

    /** The command line. */
    private record Options(List<Integer> rates, int seconds, List<Boolean> modes, int compareRate, int warmSeconds,
                           boolean allRates, Path out) {

        static final String USAGE = "usage: GatlingLoadBenchmark [--rates 50,100,200,400,800] [--seconds 12] "
                + "[--stream both|true|false] [--compare-rate 100 (0: no comparison)] [--warm-seconds 3] [--all-rates] "
                + "[--out target/gatling-bench]";

        static Options parse(String[] args) {
            List<Integer> rates = List.of(50, 100, 200, 400, 800);
            int seconds = 12;
            List<Boolean> modes = List.of(false, true);
            int compareRate = 100;
            int warmSeconds = 3;
            boolean allRates = false;
            Path out = Path.of("target", "gatling-bench");
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--all-rates")) {
                    allRates = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--rates" -> rates = Arrays.stream(value.split(",")).map(r -> positive("--rates", r.trim())).toList();
                    case "--seconds" -> seconds = positive(name, value);
                    case "--stream" -> modes = switch (value) {
                        case "true" -> List.of(true);
                        case "false" -> List.of(false);
                        case "both" -> List.of(false, true);
                        default -> throw new IllegalArgumentException("--stream must be true, false or both, was " + value);
                    };
                    case "--compare-rate" -> compareRate = value.equals("0") ? 0 : positive(name, value);
                    case "--warm-seconds" -> warmSeconds = value.equals("0") ? 0 : positive(name, value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (seconds < 6) {
                throw new IllegalArgumentException("--seconds must be at least 6 (a third of it is the fault phase), was " + seconds);
            }
            if (warmSeconds < 0 || warmSeconds >= seconds) {
                throw new IllegalArgumentException("--warm-seconds must be from 0 to less than --seconds (" + seconds + "), was " + warmSeconds);
            }
            return new Options(rates, seconds, modes, compareRate, warmSeconds, allRates, out);
        }

        private static int positive(String option, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(option + " takes positive whole numbers, was " + value);
        }
    }
}
