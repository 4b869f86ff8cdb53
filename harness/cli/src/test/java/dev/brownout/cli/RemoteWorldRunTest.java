package dev.brownout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A world started as {@code brownout fakes --host 127.0.0.2 --json} (127.0.0.2 standing in for another host) and
 * scenarios played against it with {@code brownout run --world}: driven end to end from its JSON line, measured like
 * a local run, left serving and clean; a world file that does not fit is bad input naming the file and the field.
 */
class RemoteWorldRunTest {

    private static final String SCENARIO = "src/test/resources/run/short-outage.yaml";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * brownout fakes blocks the thread it serves on: not one of the common pool's (a single thread on two cores),
     * which the runs played here need.
     */
    private static final ExecutorService SERVING = Executors.newSingleThreadExecutor();
    private static PipedOutputStream stdin;
    private static CompletableFuture<Integer> fakes;
    private static final StringWriter FAKES_ERR = new StringWriter();
    private static String line;
    private static JsonNode world;

    @TempDir
    Path folder;

    @BeforeAll
    static void startTheWorld() throws IOException {
        stdin = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(stdin);
        PipedReader reader = new PipedReader(1 << 16);
        PrintWriter out = new PrintWriter(new PipedWriter(reader), true);
        CommandLine command = new CommandLine(new FakesCommand(in)).setOut(out).setErr(new PrintWriter(FAKES_ERR, true));
        fakes = CompletableFuture.supplyAsync(() -> command.execute("--scenario", SCENARIO, "--host", "127.0.0.2",
                "--json"), SERVING);
        line = new BufferedReader(reader).readLine();
        world = Mappers.json().readTree(line);
    }

    @AfterAll
    static void stopTheWorld() throws Exception {
        stdin.close();
        assertThat(fakes.get(20, TimeUnit.SECONDS)).as("brownout fakes' exit status once stdin closed").isZero();
        SERVING.shutdown();
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new BrownoutCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private Path worldFile(String text) throws IOException {
        Path file = folder.resolve("world.json");
        Files.writeString(file, text + "\n");
        return file;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + world.path("admin_token").asText()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLineCarriesAGeneratedTokenAndEveryAddressIsOnTheHostAsked() {
        String token = world.path("admin_token").asText();

        assertThat(world.path("world_format").asInt()).as("the line's format version").isEqualTo(1);
        assertThat(token).as("a generated admin token, since 127.0.0.2 is not 127.0.0.1").hasSize(64);
        assertThat(FAKES_ERR.toString()).as("the generated token is printed once on stderr too").contains(token);
        assertThat(world.path("proxy_control_url").asText()).as("the proxy control API").startsWith("http://127.0.0.2:");
        for (JsonNode provider : world.path("providers")) {
            assertThat(provider.path("base_url").asText()).as("base URL of %s", provider.path("name"))
                    .startsWith("http://127.0.0.2:");
            assertThat(provider.path("admin_url").asText()).as("admin URL of %s", provider.path("name"))
                    .startsWith("http://127.0.0.2:");
        }
    }

    @Test
    void theWorldsApisRefuseCallsWithoutItsToken() throws Exception {
        URI admin = URI.create(world.path("providers").path(0).path("admin_url").asText() + "/behaviour");
        URI control = URI.create(world.path("proxy_control_url").asText() + "/proxies");

        assertThat(HTTP.send(HttpRequest.newBuilder(admin).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a fake's admin API without the token").isEqualTo(401);
        assertThat(HTTP.send(HttpRequest.newBuilder(control).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("the proxy control API without the token").isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(control)).statusCode()).as("the proxy control API with it").isEqualTo(200);
    }

    @Test
    void aScenarioPlayedOnTheRemoteWorldIsMeasuredLikeALocalRunAndLeavesTheWorldServingAndClean() throws Exception {
        Path remoteOut = folder.resolve("remote");
        Path localOut = folder.resolve("local");
        // the scenario's own 3 s with a short warm-up, as RunCommandTest: on a loaded machine a cold SUT at a smaller
        // time scale (1 s timeouts) answers next to nothing, and the comparison would prove little
        String[] common = {"--sut", "reference:resilient", "--baseline", "none", "--warmup", "500ms"};

        int remote = run(Stream.concat(Stream.of("run", SCENARIO, "--world", worldFile(line).toString(), "--out",
                remoteOut.toString()), Stream.of(common)).toArray(String[]::new));
        assertThat(remote).as("exit status of the run on the remote world; stderr: %s", err).isIn(0, 1);
        int local = run(Stream.concat(Stream.of("run", SCENARIO, "--out", localOut.toString()), Stream.of(common))
                .toArray(String[]::new));
        assertThat(local).as("exit status of the same run on a local world; stderr: %s", err).isIn(0, 1);

        Path remoteRun = onlyRun(remoteOut);
        Path localRun = onlyRun(localOut);
        JsonNode summary = Mappers.json().readTree(remoteRun.resolve("summary.json").toFile());
        assertThat(summary.path("completed").asBoolean()).as("the remote run completed: %s", summary.path("end_reason"))
                .isTrue();
        assertThat(summary.path("phases")).as("every phase was played on the remote world").hasSize(3);
        assertThat(Files.readAllLines(remoteRun.resolve("ledger-primary.jsonl"))).as("primary's calls, pulled over HTTP")
                .isNotEmpty();
        assertThat(summary.path("totals").path("answered").asLong()).as("exchanges the SUT answered through the remote "
                + "world").isPositive();
        assertThat(remoteRun.resolve("connections.jsonl")).as("the remote fault proxy's connection log").isNotEmptyFile();
        JsonNode remoteResult = Mappers.json().readTree(remoteRun.resolve("result.json").toFile());
        TreeSet<String> localFields = keyPaths(Mappers.json().readTree(localRun.resolve("result.json").toFile()));
        localFields.removeIf(path -> path.startsWith(".world.cpu."));
        assertThat(keyPaths(remoteResult))
                .as("result.json of the remote run has the fields of the local run's, but the world's CPU")
                .isEqualTo(localFields);
        assertThat(remoteResult.path("world").path("cpu").isNull())
                .as("no CPU figure for a world in another process: this JVM's CPU is not the world's").isTrue();

        String control = world.path("proxy_control_url").asText();
        for (JsonNode provider : world.path("providers")) {
            String name = provider.path("name").asText();
            JsonNode proxy = Mappers.json().readTree(send(HttpRequest.newBuilder(URI.create(control + "/proxies/" + name)))
                    .body());
            assertThat(proxy.path("enabled").asBoolean()).as("proxy of %s after the run", name).isTrue();
            assertThat(proxy.path("toxics")).as("toxics of %s after the run", name).isEmpty();
            JsonNode behaviour = Mappers.json().readTree(send(HttpRequest.newBuilder(
                    URI.create(provider.path("admin_url").asText() + "/behaviour"))).body());
            assertThat(behaviour.path("faults")).as("http faults of %s after the run", name).isEmpty();
        }
        JsonNode primary = world.path("providers").path(0);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(primary.path("base_url").asText()
                        + "/chat/completions"))
                .header("Authorization", "Bearer " + primary.path("api_key").asText())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"mid\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"hello\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the world still answers through its proxy after the run: %s", answer.body())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a missing field       | REMOVE providers.0.proxy | providers[0].proxy is missing",
            "another format        | SET world_format 2       | world_format is 2",
            "an unreachable admin  | UNREACHABLE              | providers[0].admin_url",
            "a wrong token         | SET admin_token nope     | refused the world's admin_token"})
    void aWorldFileThatDoesNotFitIsBadInputNamingTheFileAndFieldWithNoRunFolder(String what, String change,
                                                                                String expected) throws Exception {
        Path out = folder.resolve("runs");
        Path file = worldFile(changed(change));

        int status = run("run", SCENARIO, "--world", file.toString(), "--baseline", "none", "--warmup", "0s",
                "--out", out.toString());

        assertThat(status).as("exit status for %s", what).isEqualTo(2);
        assertThat(err.toString()).as("the error for %s", what).contains(file.toString()).contains(expected)
                .doesNotContain("Exception").doesNotContain(world.path("admin_token").asText());
        assertThat(runFolders(out)).as("run folders made for %s", what).isZero();
    }

    @Test
    void aRunOnAnotherClockThanTheWorldsIsRefusedSayingHowToMatchThem() throws IOException {
        int status = run("run", SCENARIO, "--world", worldFile(line).toString(), "--baseline", "none",
                "--time-scale", "0.5", "--out", folder.resolve("runs").toString());

        assertThat(status).as("exit status of a run at time scale 0.5 on a world started at 1").isEqualTo(2);
        assertThat(err.toString()).as("the error names the field and both clocks").contains("time_scale is 1.0")
                .contains("--time-scale 0.5");
        assertThat(runFolders(folder.resolve("runs"))).as("run folders made").isZero();
    }

    @Test
    void aPlayedBaselineIsRefusedOnARemoteWorldSayingWhatToGive() throws IOException {
        int status = run("run", SCENARIO, "--world", worldFile(line).toString(), "--out", folder.resolve("runs").toString());

        assertThat(status).as("exit status with --baseline auto (the default) on a remote world").isEqualTo(2);
        assertThat(err.toString()).as("the error says what baseline to give").contains("--baseline none");
    }

    private static String changed(String change) {
        ObjectNode tree = (ObjectNode) world.deepCopy();
        String[] words = change.split(" ");
        switch (words[0]) {
            case "REMOVE" -> ((ObjectNode) tree.path("providers").path(0)).remove("proxy");
            case "SET" -> {
                if (words[1].equals("world_format")) {
                    tree.put(words[1], Integer.parseInt(words[2]));
                } else {
                    tree.put(words[1], words[2]);
                }
            }
            case "UNREACHABLE" -> ((ObjectNode) tree.path("providers").path(0)).put("admin_url",
                    "http://127.0.0.2:1/__brownout");
            default -> throw new IllegalArgumentException(change);
        }
        return tree.toString();
    }

    private static Path onlyRun(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out)) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static long runFolders(Path out) throws IOException {
        if (!Files.exists(out)) {
            return 0;
        }
        try (Stream<Path> runs = Files.list(out)) {
            return runs.count();
        }
    }

    /** Every field path of a JSON document, array elements merged: the shape of a result, not its values. */
    private static TreeSet<String> keyPaths(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String at, TreeSet<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                paths.add(at + "." + field.getKey());
                collect(field.getValue(), at + "." + field.getKey(), paths);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, at + "[]", paths));
        }
    }
}
