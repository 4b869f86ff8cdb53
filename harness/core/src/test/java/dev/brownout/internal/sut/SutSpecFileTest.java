package dev.brownout.internal.sut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.brownout.input.FileProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SUT files: the shipped examples load, and each kind of mistake is reported at its place. */
class SutSpecFileTest {

    private static final Path EXAMPLES = Path.of("../../scenarios/sut");

    @TempDir
    Path folder;

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyShippedExampleLoads(Path example) {
        SutSpec spec = SutSpec.load(example);

        assertThat(spec.name()).isNotBlank();
    }

    @Test
    void aProcessExampleResolvesItsTemplateAgainstItsOwnFolder() {
        SutSpec spec = SutSpec.load(EXAMPLES.resolve("naive-gateway-process.yaml"));

        ProcessSpec process = spec.process();
        assertThat(process.configTemplate()).isEqualTo(EXAMPLES.toAbsolutePath().resolve("naive-gateway.yaml.mustache").normalize());
        assertThat(process.ready()).isEqualTo(new ReadinessCheck(ReadinessCheck.Kind.HTTP,
                "http://127.0.0.1:{{port}}/v1/models", Duration.ofSeconds(30)));
        assertThat(process.stopGrace()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void defaultsFillWhatAFileLeavesOut() {
        SutSpec spec = parse("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: [my-gateway]
                """);

        assertThat(spec.model()).isNull();
        assertThat(spec.process().stopGrace()).isEqualTo(ProcessSpec.DEFAULT_STOP_GRACE);
        assertThat(spec.process().ready()).isNull();
        assertThat(spec.maxTokens()).isEqualTo(SutSpec.DEFAULT_MAX_TOKENS);
    }

    @Test
    void anUnknownFieldIsPlacedAtItsKeyWithTheClosestValidName() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:8787/v1
                headrs: { X-Team: a }
                """);

        assertThat(problem.describe()).startsWith("sut.yaml:4:1: field 'headrs': unknown field 'headrs'; did you mean 'headers'?");
    }

    @Test
    void anUnknownAdapterListsTheValidOnes() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(10);
        assertThat(problem.field()).isEqualTo("adapter");
        assertThat(problem.message()).contains("openai-chat, anthropic-messages, http, command, reference").contains("'openai'");
    }

    @Test
    void aMissingNameIsRequired() {
        FileProblem problem = onlyProblem("""
                adapter: reference
                gateway: naive
                """);

        assertThat(problem.message()).isEqualTo("missing the required field 'name'");
    }

    @Test
    void anAdapterWithoutItsRequiredFieldSaysWhatItNeeds() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: anthropic-messages
                """);

        assertThat(problem.message()).contains("needs 'base_url'").contains("http://127.0.0.1:8787");
    }

    @Test
    void aFieldAnotherAdapterUsesIsRefused() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: reference
                gateway: naive
                base_url: http://127.0.0.1:8787/v1
                """);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.field()).isEqualTo("base_url");
        assertThat(problem.message()).contains("adapter reference does not use 'base_url'");
    }

    @Test
    void aRelativeUrlIsRefused() {
        FileProblem problem = onlyProblem("""
                name: svc
                adapter: http
                http:
                  url: /ask
                  answer_pointer: /answer
                """);

        assertThat(problem.describe()).startsWith("sut.yaml:4:8: field 'http.url': must be an absolute http or https URL");
    }

    @Test
    void anAnswerPointerMustBeAJsonPointer() {
        FileProblem problem = onlyProblem("""
                name: svc
                adapter: http
                http:
                  url: http://127.0.0.1:9000/ask
                  answer_pointer: answer.text
                """);

        assertThat(problem.field()).isEqualTo("http.answer_pointer");
        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.message()).contains("must be a JSON pointer");
    }

    @Test
    void anInvalidLogLineRegexIsReportedAtIt() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: [gw]
                  ready: { log_line: "listening (on" }
                """);

        assertThat(problem.field()).isEqualTo("process.ready.log_line");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.message()).contains("not a valid regular expression");
    }

    @Test
    void twoReadinessChecksAreOneTooMany() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: [gw]
                  ready:
                    tcp: 127.0.0.1:{{port}}
                    log_line: ready
                """);

        assertThat(problem.field()).isEqualTo("process.ready");
        assertThat(problem.message()).isEqualTo("needs exactly one of http, tcp or log_line (got tcp, log_line)");
    }

    @Test
    void aBadDurationSaysWhatADurationLooksLike() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: [gw]
                  stop_grace: soon
                """);

        assertThat(problem.describe()).isEqualTo(
                "sut.yaml:6:15: field 'process.stop_grace': must be a duration like 250ms, 2s, 1.5s or 1m30s (got 'soon')");
    }

    @Test
    void aMissingConfigTemplateNamesThePathItLookedAt() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: [gw]
                  config_template: gateway.yaml.mustache
                """);

        assertThat(problem.field()).isEqualTo("process.config_template");
        assertThat(problem.message()).contains("no file at " + folder.resolve("gateway.yaml.mustache"));
    }

    @Test
    void aProcessForACommandSutNeedsAReadinessCheck() {
        FileProblem problem = onlyProblem("""
                name: agent
                adapter: command
                command: { argv: [agent] }
                process: { command: [agent-daemon] }
                """);

        assertThat(problem.field()).isEqualTo("process");
        assertThat(problem.message()).contains("add ready:");
    }

    @Test
    void aHeaderValueMustBeText() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:8787/v1
                headers: { X-Retries: 3 }
                """);

        assertThat(problem.field()).isEqualTo("headers.X-Retries");
        assertThat(problem.message()).contains("must be text");
    }

    @Test
    void brokenYamlNamesItsLine() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: [openai-chat
                """);

        assertThat(problem.line()).isGreaterThanOrEqualTo(2);
        assertThat(problem.message()).startsWith("not valid YAML");
    }

    @Test
    void aKeyWrittenTwiceIsRefused() {
        SutSpecException error = catchThrowableOfType(SutSpecException.class, () -> parse("""
                name: gw
                name: other
                adapter: reference
                gateway: naive
                """));

        assertThat(error.getMessage()).contains("sut.yaml:2:").contains("the key 'name' is written twice");
    }

    @Test
    void aFileThatDoesNotExistIsAProblemNotAStackTrace() {
        Path missing = folder.resolve("nope.yaml");

        SutSpecException error = catchThrowableOfType(SutSpecException.class, () -> SutSpec.load(missing));

        assertThat(error.getMessage()).contains(missing.toString()).contains("cannot read the SUT file");
        assertThat(error.getStackTrace()).isEmpty();
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        SutSpecException error = catchThrowableOfType(SutSpecException.class, () -> parse("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:8787/v1
                modle: x
                max_tokens: 0
                """));

        assertThat(error.problems()).extracting(FileProblem::field).containsExactly("modle", "max_tokens");
    }

    private SutSpec parse(String yaml) {
        return SutSpec.parse(yaml, "sut.yaml", folder);
    }

    private FileProblem onlyProblem(String yaml) {
        SutSpecException error = catchThrowableOfType(SutSpecException.class, () -> parse(yaml));
        assertThat(error).as("the problems of\n%s", yaml).isNotNull();
        List<FileProblem> problems = error.problems();
        assertThat(problems).as(error.getMessage()).hasSize(1);
        return problems.getFirst();
    }
}
