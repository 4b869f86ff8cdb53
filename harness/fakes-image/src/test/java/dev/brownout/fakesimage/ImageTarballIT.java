package dev.brownout.fakesimage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image Jib wrote to {@code target/jib-image.tar}, opened without a container engine: its configuration says
 * what a container runtime will run, its layers are extracted in order into one root file system, and the last
 * test runs the image's own entrypoint in that root (chroot, in fresh mount and PID namespaces with /proc, as the
 * image's user) and talks to the fakes it started. Runs in {@code verify}, after {@code package} built the image.
 */
class ImageTarballIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path TARBALL = Path.of(System.getProperty("fakes-image.tarball", "target/jib-image.tar"));
    static final String IMAGE_USER = "65532:65532";

    @TempDir
    static Path work;

    static JsonNode manifest;
    static JsonNode config;
    static Path root;

    @BeforeAll
    static void openTarball() throws Exception {
        assertThat(TARBALL).as("the image tarball Jib writes in package (run 'verify', not 'test')").isRegularFile();
        Path unpacked = Files.createDirectory(work.resolve("tarball"));
        run(List.of("tar", "-xf", TARBALL.toAbsolutePath().toString(), "-C", unpacked.toString()));
        manifest = JSON.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(unpacked.resolve(manifest.path("Config").asText()).toFile());
        root = Files.createDirectory(work.resolve("root"));
        for (JsonNode layer : manifest.path("Layers")) {
            run(List.of("tar", "-xzpf", unpacked.resolve(layer.asText()).toString(), "-C", root.toString()));
        }
    }

    @Test
    void entrypointRunsTheFakesMainWithTheImagesOwnJava() {
        List<String> entrypoint = strings(config.path("config").path("Entrypoint"));

        assertThat(entrypoint).as("entrypoint of the image").isNotEmpty();
        assertThat(entrypoint.getFirst()).as("the java the entrypoint starts").isEqualTo("/opt/java/bin/java");
        assertThat(entrypoint).as("entrypoint: class path from Jib's file, then the standalone fakes' main class")
                .containsSubsequence("-cp", "@/app/jib-classpath-file", "dev.brownout.fakes.FakesMain")
                .endsWith("dev.brownout.fakes.FakesMain");
    }

    @Test
    void defaultArgumentsReadTheMountedWorldFileAndListenOnEveryInterface() {
        List<String> args = strings(config.path("config").path("Cmd"));

        assertThat(args).as("the image's default arguments")
                .containsSubsequence("--config", "/etc/brownout/world.yaml")
                .containsSubsequence("--host", "0.0.0.0")
                .contains("--ignore-stdin");
        assertThat(root.resolve("etc/brownout/world.yaml")).as("the default world file in the image").isRegularFile();
    }

    @Test
    void runsAsANonRootUserThatThePasswdFileNames() throws IOException {
        assertThat(config.path("config").path("User").asText()).as("the image's user").isEqualTo(IMAGE_USER);
        assertThat(Files.readAllLines(root.resolve("etc/passwd"))).as("/etc/passwd in the image")
                .anyMatch(line -> line.startsWith("brownout:x:65532:65532:"));
    }

    @Test
    void exposesThePortsOfTheDefaultWorld() {
        JsonNode ports = config.path("config").path("ExposedPorts");

        assertThat(ports.has("8081/tcp") && ports.has("8082/tcp"))
                .as("8081/tcp and 8082/tcp (the default world's providers) among the exposed ports %s", ports).isTrue();
    }

    @Test
    void labelsNameTheVersionTitleAndLicence() {
        JsonNode labels = config.path("config").path("Labels");

        assertThat(labels.path("org.opencontainers.image.version").asText()).as("OCI version label in %s", labels)
                .isEqualTo(System.getProperty("project.version"));
        assertThat(labels.path("org.opencontainers.image.title").asText()).as("OCI title label").isEqualTo("brownout-fakes");
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).as("OCI licenses label").isEqualTo("Apache-2.0");
    }

    @Test
    void isALinuxAmd64ImageTaggedWithTheProjectVersion() {
        assertThat(config.path("os").asText() + "/" + config.path("architecture").asText()).as("platform of the image")
                .isEqualTo("linux/amd64");
        assertThat(strings(manifest.path("RepoTags"))).as("tags in the tarball")
                .containsExactly("brownout/fakes:" + System.getProperty("project.version"));
    }

    @Test
    void layersCarryTheJavaRuntimeAndItsCLibraries() throws IOException {
        Path java = root.resolve("opt/java/bin/java");

        assertThat(java).as("the jlinked java in the image").isRegularFile();
        assertThat(Files.getPosixFilePermissions(java)).as("permissions of /opt/java/bin/java")
                .contains(PosixFilePermission.OTHERS_EXECUTE);
        assertThat(root.resolve("lib64/ld-linux-x86-64.so.2")).as("the dynamic loader java is linked for").isRegularFile();
        assertThat(root.resolve("lib/x86_64-linux-gnu/libc.so.6")).as("the C library").isRegularFile();
        assertThat(Files.readString(root.resolve("opt/java/release"))).as("the runtime's module list")
                .contains("java.base").contains("jdk.unsupported");
    }

    @Test
    void layersCarryEveryJarOfTheClassPathTheEntrypointNames() throws IOException {
        String classPath = Files.readString(root.resolve("app/jib-classpath-file")).strip();
        List<String> entries = List.of(classPath.split(":"));

        assertThat(entries).as("class path of the image").anyMatch(entry -> entry.contains("brownout-fake-providers"))
                .anyMatch(entry -> entry.contains("picocli")).anyMatch(entry -> entry.contains("javalin"));
        for (String entry : entries) {
            Path path = root.resolve(entry.substring(1));
            if (entry.endsWith("/*")) {
                try (Stream<Path> jars = Files.list(path.getParent())) {
                    assertThat(jars.filter(jar -> jar.toString().endsWith(".jar")).toList())
                            .as("jars in %s, a class path entry of the image", path.getParent()).isNotEmpty();
                }
            } else {
                assertThat(path).as("class path entry %s in the image", entry).exists();
            }
        }
    }

    @Test
    void entrypointServesTheFakesInTheImagesOwnRootAsTheImagesUser() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "the image is linux/amd64; this is " + System.getProperty("os.name"));
        assumeTrue(isRoot(), "not root: running the image's entrypoint in its own root needs chroot and namespaces");
        assumeTrue(onPath("unshare") && onPath("chroot"), "no unshare or chroot (util-linux, coreutils) on the PATH");

        // a world on free loopback ports, so this run neither binds every interface nor needs fixed free ports
        Files.writeString(root.resolve("etc/brownout/test-world.yaml"), """
                providers:
                  - { name: primary, dialect: openai, models: [mid], port: 0 }
                """);
        Files.createDirectories(root.resolve("proc"));
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child",
                "--mount-proc=" + root.resolve("proc"), "chroot", "--userspec=" + IMAGE_USER, root.toString()));
        command.addAll(strings(config.path("config").path("Entrypoint")));
        command.addAll(List.of("--config", "/etc/brownout/test-world.yaml", "--host", "127.0.0.1", "--ignore-stdin"));
        Path stderr = work.resolve("fakes-stderr.txt");
        Process fakes = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try {
            // generous: on a crowded 2-core machine the fakes took 30 s to start in the image
            String line = firstLine(fakes, Duration.ofSeconds(120));
            assertThat(line).as("the JSON line the fakes print once up (stderr: %s)", Files.readString(stderr)).startsWith("{");
            JsonNode provider = JSON.readTree(line).path("providers").get(0);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                            URI.create(provider.path("admin_url").asText() + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("status of /__brownout/health: %s", health.body()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("status").asText()).as("health body").isEqualTo("ok");

            // a completion exercises what the runtime's modules must hold: JSON, token counting, the ledger
            HttpResponse<String> completion = http.send(HttpRequest.newBuilder(
                            URI.create(provider.path("base_url").asText() + "/chat/completions"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + provider.path("api_key").asText())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model":"mid","max_tokens":8,"messages":[{"role":"user","content":"Say hello."}]}"""))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(completion.statusCode()).as("status of a chat completion: %s", completion.body()).isEqualTo(200);
            assertThat(JSON.readTree(completion.body()).path("usage").path("completion_tokens").asInt())
                    .as("completion tokens counted in %s", completion.body()).isPositive();
        } finally {
            fakes.destroy();
            if (!fakes.waitFor(20, TimeUnit.SECONDS)) {
                fakes.destroyForcibly();
            }
        }
    }

    private static String firstLine(Process process, Duration timeout) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return "could not read the fakes' output: " + e.getMessage();
            }
        });
        return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return id.waitFor() == 0 && uid.equals("0");
    }

    private static boolean onPath(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("exit code of %s: %s", command, output).isZero();
    }
}
