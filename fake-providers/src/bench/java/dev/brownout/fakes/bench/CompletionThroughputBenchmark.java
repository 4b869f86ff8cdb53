package dev.brownout.fakes.bench;

/*
 * How to run (from the repository root; needs wrk on the PATH, e.g. `apt-get install -y wrk`):
 *
 *   ./mvnw -q -pl fake-providers -Pbench compile exec:exec -Dbench.main=CompletionThroughputBenchmark \
 *       -Dbench.args="--rounds 5 --seconds 10"
 *
 * Starts the fake OpenAI provider and an embedded WireMock serving the same answer as a static stub, both in
 * this JVM on loopback, then drives each with the same wrk command (64 connections, non-streaming POSTs),
 * warm-up first, then alternating rounds, and prints the median requests/s of each and their ratio. Then both at a
 * fixed rate of half the fake's median (FixedRateLatency, {@code --latency-seconds}, 0 to skip): latency from
 * each request's due instant, measured by a client in a JVM of its own.
 */

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.RateLimit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** Non-streaming completions per second: the fake provider against WireMock with an equivalent static stub. */
public final class CompletionThroughputBenchmark {

    private static final String MODEL = "bench-instant";
    private static final String PATH = "/v1/chat/completions";
    /**
     * The request both servers answer. Its max_tokens (above the 20-80 word answer) keeps the rate limiter's token
     * bucket from running dry: without it every request reserves 1,000 tokens, and past about 35,000 requests/s
     * even the largest limit the behaviour takes (2^31 - 1 tokens a minute) starts answering 429.
     */
    private static final String REQUEST_BODY = """
            {"model":"bench-instant","max_tokens":200,"messages":[{"role":"system","content":"You are a terse \
            assistant."},{"role":"user","content":"Summarise the state of the gateway in a few sentences."}]}""";
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors:.*");
    private static final Pattern LATENCY_PERCENTILE = Pattern.compile("\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)");

    private CompletionThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = Files.createTempDirectory("brownout-throughput-");
        Path catalog = BenchCatalog.write(work, MODEL, 1_000_000_000d);
        WorldConfig world = new WorldConfig(42L, WorldConfig.LOOPBACK, catalog.toString(),
                List.of(ProviderConfig.of("openai", DialectKind.OPENAI, MODEL).withBehaviour(unlimited())));
        try (FakeWorld fakes = FakeWorld.start(world)) {
            FakeProvider fake = fakes.provider("openai");
            String authorization = "Bearer " + fake.apiKey();
            byte[] answer = sampleAnswer(fake.origin() + PATH, authorization);
            WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options()
                    .bindAddress(WorldConfig.LOOPBACK)
                    .dynamicPort()
                    .containerThreads(options.connections + 16)
                    .jettyAcceptors(1)
                    .disableRequestJournal()
                    .asynchronousResponseEnabled(false));
            wiremock.start();
            try {
                wiremock.stubFor(post(urlEqualTo(PATH))
                        .withHeader("Authorization", equalTo(authorization))
                        .willReturn(aResponse().withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(answer)));
                Target fakeTarget = new Target("fake", fake.origin() + PATH);
                Target wiremockTarget = new Target("wiremock", "http://127.0.0.1:" + wiremock.port() + PATH);
                check(wiremockTarget.url, authorization, answer.length);
                Path script = work.resolve("post.lua");
                Files.writeString(script, wrkScript(authorization));
                System.out.printf(Locale.ROOT, "answer body: %d bytes; wrk -t%d -c%d, %d s rounds%n",
                        answer.length, options.wrkThreads, options.connections, options.seconds);
                double fakeCapacity = run(options, script, fakeTarget, wiremockTarget);
                if (options.latencySeconds > 0) {
                    latencyAt(options, options.latencyRate > 0 ? options.latencyRate : fakeCapacity / 2,
                            authorization, fakeTarget, wiremockTarget);
                }
            } finally {
                wiremock.stop();
            }
        }
    }

    /**
     * No faults and rate limits far above any rate this machine reaches: the default 10,000 requests per minute
     * would answer most of the load with 429. The limiter still runs on every request.
     */
    private static ProviderBehaviour unlimited() {
        return new ProviderBehaviour(List.of(), new RateLimit(Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    /**
     * Both servers at a fixed rate (half the fake's median capacity unless given): latency from each request's due
     * instant.
     * The benchmark model answers with no simulated latency, so for the fake this is how far behind its planned
     * time (arrival) it answers, plus the client's and loopback's own share, which WireMock's figure shows.
     */
    private static void latencyAt(Options options, double rate, String authorization, Target fake,
                                  Target wiremock) throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "%nfixed rate %.0f req/s (%s), %d connections, %d s warm-up, %d s measured%n",
                rate, options.latencyRate > 0 ? "as given" : "half the fake's median", options.connections, 5,
                options.latencySeconds);
        for (Target target : List.of(fake, wiremock)) {
            FixedRateLatency.Result result = FixedRateLatency.runInChildJvm(target.url, REQUEST_BODY.getBytes(StandardCharsets.UTF_8),
                    authorization, rate, options.connections, 5, options.latencySeconds);
            System.out.printf(Locale.ROOT, "latency  %-8s achieved %8.0f req/s  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms"
                            + "  max %.2f ms  (%d requests, %d errors; %s)%n", target.name, result.requestsPerSecond(),
                    result.p50() / 1000.0, result.p99() / 1000.0, result.p999() / 1000.0, result.max() / 1000.0,
                    result.count(), result.errors(), MachineLoad.loadAverage());
        }
    }

    /** Runs the rounds and prints them; returns the fake's median requests/s. */
    private static double run(Options options, Path script, Target fake, Target wiremock)
            throws IOException, InterruptedException {
        for (Target target : List.of(wiremock, fake)) {
            Round warm = wrk(options, script, target, options.warmupSeconds);
            System.out.printf(Locale.ROOT, "warm-up  %-8s %10.0f req/s%n", target.name, warm.requestsPerSecond);
        }
        List<Double> fakeRates = new ArrayList<>();
        List<Double> wiremockRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= options.rounds; round++) {
            // Alternate which server goes first, so a drift in the machine's load does not favour one of them.
            List<Target> order = round % 2 == 1 ? List.of(fake, wiremock) : List.of(wiremock, fake);
            Round fakeRound = null;
            Round wiremockRound = null;
            for (Target target : order) {
                Round result = wrk(options, script, target, options.seconds);
                System.out.printf(Locale.ROOT, "round %d  %-8s %10.0f req/s  p50 %s  p99 %s  non-2xx %d  %s  (%s)%n",
                        round, target.name, result.requestsPerSecond, result.p50, result.p99, result.non2xx,
                        result.socketErrors, MachineLoad.loadAverage());
                if (target == fake) {
                    fakeRound = result;
                } else {
                    wiremockRound = result;
                }
            }
            for (Round result : List.of(fakeRound, wiremockRound)) {
                if (result.non2xx > 0) {
                    throw new IllegalStateException("round " + round + " counted " + result.non2xx + " answers that were"
                            + " not 2xx: requests/s of refusals are not completions/s, so the run is void");
                }
            }
            fakeRates.add(fakeRound.requestsPerSecond);
            wiremockRates.add(wiremockRound.requestsPerSecond);
            ratios.add(fakeRound.requestsPerSecond / wiremockRound.requestsPerSecond);
        }
        double fakeMedian = median(fakeRates);
        double wiremockMedian = median(wiremockRates);
        System.out.printf(Locale.ROOT, "%nmedian fake     %10.0f req/s  (rounds %s)%n", fakeMedian, format(fakeRates));
        System.out.printf(Locale.ROOT, "median wiremock %10.0f req/s  (rounds %s)%n", wiremockMedian,
                format(wiremockRates));
        System.out.printf(Locale.ROOT, "ratio of medians fake/wiremock %.2f; per-round ratios %s, median %.2f%n",
                fakeMedian / wiremockMedian, formatRatios(ratios), median(ratios));
        return fakeMedian;
    }

    private static Round wrk(Options options, Path script, Target target, int seconds)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t" + options.wrkThreads, "-c" + options.connections,
                "-d" + seconds + "s", "--latency", "-s", script.toString(), target.url)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Matcher rate = REQUESTS_PER_SECOND.matcher(output);
        if (exit != 0 || !rate.find()) {
            throw new IllegalStateException("wrk failed (exit " + exit + "):\n" + output);
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher socketErrors = SOCKET_ERRORS.matcher(output);
        String p50 = "?";
        String p99 = "?";
        Matcher latency = LATENCY_PERCENTILE.matcher(output);
        while (latency.find()) {
            String value = latency.group(2) + latency.group(3);
            if (latency.group(1).equals("50")) {
                p50 = value;
            } else {
                p99 = value;
            }
        }
        return new Round(Double.parseDouble(rate.group(1)), non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                socketErrors.find() ? socketErrors.group().trim() : "no socket errors", p50, p99);
    }

    /** One real answer of the fake, so WireMock's stub body has exactly the same size. */
    private static byte[] sampleAnswer(String url, String authorization) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(url, authorization);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the fake answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static void check(String url, String authorization, int expectedLength)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(url, authorization);
        if (response.statusCode() != 200 || response.body().length != expectedLength) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " with "
                    + response.body().length + " bytes, expected 200 with " + expectedLength);
        }
    }

    private static HttpResponse<byte[]> send(String url, String authorization) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(REQUEST_BODY))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static String wrkScript(String authorization) {
        // Lua long brackets keep the JSON's quotes as they are.
        return "wrk.method = \"POST\"\n"
                + "wrk.body = [==[" + REQUEST_BODY + "]==]\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.headers[\"Authorization\"] = \"" + authorization + "\"\n";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String format(List<Double> rates) {
        return rates.stream().map(rate -> String.format(Locale.ROOT, "%.0f", rate)).toList().toString();
    }

    private static String formatRatios(List<Double> ratios) {
        return ratios.stream().map(ratio -> String.format(Locale.ROOT, "%.2f", ratio)).toList().toString();
    }

    private record Target(String name, String url) {
    }

    private record Round(double requestsPerSecond, long non2xx, String socketErrors, String p50, String p99) {
    }

    private record Options(int rounds, int seconds, int warmupSeconds, int connections, int wrkThreads,
                           int latencySeconds, int latencyRate) {
        static Options parse(String[] args) {
            int rounds = 5;
            int seconds = 10;
            int warmup = 10;
            int connections = 64;
            int threads = 2;
            int latency = 20;
            int latencyRate = 0;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                int value = Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--rounds" -> rounds = value;
                    case "--seconds" -> seconds = value;
                    case "--warmup-seconds" -> warmup = value;
                    case "--connections" -> connections = value;
                    case "--wrk-threads" -> threads = value;
                    case "--latency-seconds" -> latency = value;
                    case "--latency-rate" -> latencyRate = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; known: --rounds --seconds --warmup-seconds --connections --wrk-threads"
                            + " --latency-seconds (0: no fixed-rate latency run) --latency-rate (requests/s; default"
                            + " half the fake's median)");
                }
            }
            return new Options(rounds, seconds, warmup, connections, threads, latency, latencyRate);
        }
    }
}
