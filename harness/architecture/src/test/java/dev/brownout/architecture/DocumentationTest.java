package dev.brownout.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package says where it sits in the flow (a {@code package-info.java} with Javadoc), and every public
 * type says what it is (Javadoc on its declaration): read from the sources of every artifact.
 */
class DocumentationTest {

    private static final Path REPOSITORY = Path.of("../..");
    private static final List<String> MODULES = List.of("fake-providers", "reports", "scenarios/gateways",
            "harness/fault-proxy", "harness/fault-proxy-container", "harness/core", "harness/cli",
            "harness/junit", "harness/assertj", "harness/gatling");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|record|enum|@interface)\\s", Pattern.MULTILINE);

    @Test
    void everyPackageHasAPackageInfoWithJavadoc() {
        List<String> missing = packageFolders()
                .filter(folder -> !documented(folder.resolve("package-info.java"), "package "))
                .map(folder -> REPOSITORY.relativize(folder).toString())
                .toList();

        assertThat(missing).as("packages without a package-info.java whose Javadoc says where the package sits").isEmpty();
    }

    @Test
    void everyPublicTypeHasJavadoc() {
        List<String> missing = packageFolders()
                .flatMap(DocumentationTest::javaFiles)
                .filter(file -> !file.getFileName().toString().equals("package-info.java"))
                .filter(file -> PUBLIC_TYPE.matcher(read(file)).find() && !documented(file, null))
                .map(file -> REPOSITORY.relativize(file).toString())
                .toList();

        assertThat(missing).as("public types without Javadoc on their declaration").isEmpty();
    }

    @Test
    void theCheckSeesEveryModule() {
        assertThat(MODULES).as("every module's sources exist where this test reads them")
                .allSatisfy(module -> assertThat(REPOSITORY.resolve(module).resolve("src/main/java")).isDirectory());
    }

    /** Whether the declaration (the public type, or the package line) is preceded by a Javadoc comment. */
    private static boolean documented(Path file, String declaration) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String source = read(file);
        int at;
        if (declaration == null) {
            Matcher type = PUBLIC_TYPE.matcher(source);
            at = type.find() ? type.start() : -1;
        } else {
            Matcher line = Pattern.compile("^" + declaration, Pattern.MULTILINE).matcher(source);
            at = line.find() ? line.start() : -1;
        }
        if (at < 0) {
            return false;
        }
        // annotations between the comment and the declaration may hold one level of parentheses, as @JsonSubTypes does
        String before = source.substring(0, at).replaceAll("(?s)(\\s*@[\\w.]+(\\((?:[^()]|\\([^()]*\\))*\\))?)+\\s*$", "").stripTrailing();
        int open = before.lastIndexOf("/**");
        return open >= 0 && before.endsWith("*/") && before.substring(open + 3, before.length() - 2).strip().length() > 10;
    }

    private static Stream<Path> packageFolders() {
        return MODULES.stream().map(module -> REPOSITORY.resolve(module).resolve("src/main/java"))
                .flatMap(DocumentationTest::walk)
                .filter(Files::isDirectory)
                .filter(folder -> javaFiles(folder).findAny().isPresent());
    }

    private static Stream<Path> javaFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> walk(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
