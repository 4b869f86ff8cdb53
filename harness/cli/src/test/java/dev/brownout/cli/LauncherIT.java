package dev.brownout.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code ./brownout} launcher at the repository root, run as a user runs it after {@code package} built
 * the jar: it finds a JDK 21+ past an older java, passes arguments and exit codes through, works from any
 * folder and through a symlink, and builds only when a build input is newer than the jar. Nothing here
 * starts Maven: the build decision is checked with {@code --explain-build}, which builds nothing.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LauncherIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("brownout");
    private static final Path JAR = ROOT.resolve("harness/cli/target/brownout.jar");
    /** Where the launcher looks for JDKs when neither JAVA_HOME nor java on PATH will do. */
    private static final List<Path> JDK_FOLDERS = List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"), Path.of("/usr/local"),
            Path.of("/Library/Java/JavaVirtualMachines"));

    @TempDir
    Path folder;

    private record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    @Test
    void anOlderJavaOnPathAndInJavaHomeIsPassedOverForAJdk21InstalledAlongside() throws IOException {
        assumeTrue(jdk21Installed(), "no JDK 21+ under " + JDK_FOLDERS + " for the launcher to fall back to");
        Path java17 = stubJava17(folder.resolve("jdk-17"));
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", java17.toString());
        environment.put("PATH", java17.resolve("bin") + ":" + System.getenv("PATH"));

        Result list = run(folder, environment, LAUNCHER.toString(), "list");

        assertThat(list.exit()).as("exit code of ./brownout list: %s", list).isZero();
        assertThat(list.stdout()).as("./brownout list's output").contains(shippedScenarioNames());
        assertThat(list.stderr()).as("what the launcher said about the JDKs it saw")
                .contains("JAVA_HOME=" + java17 + " is Java 17")
                .contains("java on PATH (" + java17.resolve("bin/java") + ") is Java 17")
                .containsPattern("brownout: using Java (2[1-9]|[3-9]\\d)\\b");
    }

    @Test
    void theCommandLinesExitCodeComesThroughUnchanged() {
        Result unknown = run(folder, javaHomeOfThisJvm(), LAUNCHER.toString(), "no-such-command");

        assertThat(unknown.exit()).as("exit code of an unknown command: %s", unknown).isEqualTo(2);
        assertThat(unknown.stderr()).as("the command line's usage error").contains("Unmatched argument").contains("no-such-command");
    }

    @Test
    void argumentsArePassedThroughAsTheyAre() {
        Result validate = run(folder, javaHomeOfThisJvm(), LAUNCHER.toString(), "validate",
                ROOT.resolve("scenarios/library/oauth-outage.yaml").toString(), folder.resolve("no such file.yaml").toString());

        assertThat(validate.exit()).as("exit code of validate with one missing file: %s", validate).isEqualTo(1);
        assertThat(validate.stdout() + validate.stderr()).as("the missing file's name, spaces and all")
                .contains("no such file.yaml");
    }

    @Test
    void nothingIsRebuiltWhenNothingChanged() throws IOException {
        assertThat(JAR).as("the jar package built").isRegularFile();
        FileTime before = Files.getLastModifiedTime(JAR);

        Result explain = run(ROOT, javaHomeOfThisJvm(), LAUNCHER.toString(), "--explain-build");
        Result list = run(ROOT, javaHomeOfThisJvm(), LAUNCHER.toString(), "list");

        assertThat(explain.stdout()).as("the launcher's build decision: %s", explain).contains("build: no (up to date)");
        assertThat(list.exit()).as("exit code of ./brownout list: %s", list).isZero();
        assertThat(list.stderr()).as("what the launcher said").doesNotContain("building");
        assertThat(list.stderr()).as("a JAVA_HOME of 21 or newer is used without a word").doesNotContain("brownout: using");
        assertThat(Files.getLastModifiedTime(JAR)).as("the jar's modification time").isEqualTo(before);
    }

    @Test
    void itRunsFromAnyFolderAndThroughASymlinkOnThePath() throws IOException {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("brownout"), LAUNCHER);
        Map<String, String> environment = javaHomeOfThisJvm();
        environment.put("PATH", bin + ":" + System.getenv("PATH"));

        Result byPath = run(folder, environment, LAUNCHER.toString(), "list");
        // A shell looks brownout up on the PATH given; ProcessBuilder would search this JVM's own PATH.
        Result bySymlink = run(folder, environment, "/bin/sh", "-c", "brownout list");

        assertThat(byPath.exit()).as("exit code from %s: %s", folder, byPath).isZero();
        assertThat(byPath.stdout()).as("./brownout list run from %s", folder).contains(shippedScenarioNames());
        assertThat(bySymlink.exit()).as("exit code through the symlink: %s", bySymlink).isZero();
        assertThat(bySymlink.stdout()).as("brownout list through a symlink on PATH").isEqualTo(byPath.stdout());
    }

    @Test
    void printJavaHomeNamesTheJdkItWouldUseAndRunsNothingElse() {
        Map<String, String> environment = javaHomeOfThisJvm();

        Result printed = run(folder, environment, LAUNCHER.toString(), "--print-java-home");

        assertThat(printed.exit()).as("exit code: %s", printed).isZero();
        assertThat(printed.stdout().strip()).as("the JDK .ci/run builds with").isEqualTo(environment.get("JAVA_HOME"));
    }

    @ParameterizedTest(name = "{0} newer than the jar: build {1}")
    @CsvSource({
            "pom.xml, yes",
            "harness/cli/pom.xml, yes",
            "harness/core/src/main/java/dev/brownout/Engine.java, yes",
            "fake-providers/src/main/resources/catalog.yaml, yes",
            "reports/src/main/java/dev/brownout/reports/Report.java, yes",
            "scenarios/library/oauth-outage.yaml, yes",
            "scenarios/schema/sut.schema.json, yes",
            "scenarios/sut/naive-gateway.yaml.mustache, yes",
            "scenarios/gateways/src/main/java/dev/brownout/gateways/Gateway.java, yes",
            "harness/core/src/test/java/dev/brownout/EngineTest.java, no",
            "scenarios/library-tests/src/test/java/dev/brownout/LibraryTest.java, no",
            "harness/core/target/classes/dev/brownout/Engine.class, no",
            "README.md, no",
            "scenarios/README.md, no",
    })
    void theJarIsBuiltOnlyWhenABuildInputIsNewerThanIt(String changed, String build) throws IOException {
        Path checkout = fakeCheckout(List.of(changed));
        Files.setLastModifiedTime(checkout.resolve(changed), FileTime.from(Instant.now()));

        Result explain = run(folder, javaHomeOfThisJvm(), checkout.resolve("brownout").toString(), "--explain-build");

        assertThat(explain.exit()).as("exit code: %s", explain).isZero();
        assertThat(explain.stdout()).as("the build decision after %s changed", changed)
                .contains("build: " + build + ("yes".equals(build) ? " (" + changed + " is newer than the jar)" : " (up to date)"));
    }

    @Test
    void aMissingJarIsBuilt() throws IOException {
        Path checkout = fakeCheckout(List.of());
        Files.delete(checkout.resolve("harness/cli/target/brownout.jar"));

        Result explain = run(folder, javaHomeOfThisJvm(), checkout.resolve("brownout").toString(), "--explain-build");

        assertThat(explain.stdout()).as("the build decision without a jar: %s", explain).contains("build: yes (there is no jar yet)");
    }

    /**
     * A copy of the launcher in a checkout with the given files, every file and folder an hour old and the jar
     * a minute old, so only what a test touches afterwards is newer than the jar.
     */
    private Path fakeCheckout(List<String> files) throws IOException {
        Path checkout = folder.resolve("checkout");
        List<String> all = new ArrayList<>(files);
        all.add("pom.xml");
        all.add("harness/core/src/main/java/dev/brownout/Other.java");
        for (String file : all) {
            Path path = checkout.resolve(file);
            Files.createDirectories(path.getParent());
            if (!Files.exists(path)) {
                Files.writeString(path, "");
            }
        }
        Files.copy(LAUNCHER, checkout.resolve("brownout"), StandardCopyOption.COPY_ATTRIBUTES);
        Path jar = checkout.resolve("harness/cli/target/brownout.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
        FileTime hourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        try (Stream<Path> tree = Files.walk(checkout)) {
            for (Path path : tree.toList()) {
                Files.setLastModifiedTime(path, hourAgo);
            }
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
        return checkout;
    }

    /** A Java 17 that answers only the questions a launcher asks about its version, and fails for anything else. */
    private static Path stubJava17(Path home) throws IOException {
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                #!/bin/sh
                version() {
                  echo 'openjdk version "17.0.15" 2025-04-15' >&2
                  echo 'OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)' >&2
                  echo 'OpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1, mixed mode, sharing)' >&2
                }
                case "$*" in
                  "-XshowSettings:properties -version")
                    echo 'Property settings:' >&2
                    echo '    java.class.version = 61.0' >&2
                    echo '    java.home = %s' >&2
                    echo '    java.specification.version = 17' >&2
                    echo '    java.version = 17.0.15' >&2
                    echo '' >&2
                    version
                    ;;
                  "-version") version ;;
                  *) echo "stub Java 17: refusing to run $*" >&2; exit 1 ;;
                esac
                """.formatted(home));
        if (!java.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + java + " executable");
        }
        return home;
    }

    private static boolean jdk21Installed() throws IOException {
        for (Path parent : JDK_FOLDERS) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> children = Files.list(parent)) {
                for (Path child : children.toList()) {
                    Path home = Files.isDirectory(child.resolve("Contents/Home")) ? child.resolve("Contents/Home") : child;
                    if (Files.isExecutable(home.resolve("bin/javac")) && releaseMajor(home) >= 21) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int releaseMajor(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        return Files.readAllLines(release).stream().filter(line -> line.startsWith("JAVA_VERSION="))
                .map(line -> line.replaceAll("\\D*(\\d+).*", "$1")).mapToInt(Integer::parseInt).findFirst().orElse(0);
    }

    private static String[] shippedScenarioNames() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("scenarios/library"))) {
            String[] names = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length())).sorted().toArray(String[]::new);
            assertThat(names).as("the shipped scenarios").isNotEmpty();
            return names;
        }
    }

    /** JAVA_HOME set to the JDK running this test, which failsafe forked from the build's JDK 21+. */
    private static Map<String, String> javaHomeOfThisJvm() {
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return environment;
    }

    private static Result run(Path workingDirectory, Map<String, String> environment, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within 90 s; stderr so far: " + stderr.getNow(""));
            }
            return new Result(process.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
