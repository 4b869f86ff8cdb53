package dev.brownout.internal.sut;

import dev.brownout.scenario.SutCapability;
import dev.brownout.faultproxy.container.ContainerBackend;
import dev.brownout.gateways.RunningGateway;
import dev.brownout.gateways.naive.NaiveGateway;
import dev.brownout.input.FileProblem;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** SUT files: the shipped examples load and answer in front of a world, and each kind of mistake is reported at its place. */
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

    /** The examples are what users copy: each says what its SUT can do, so checks that need a fallback are judged right. */
    @ParameterizedTest
    @MethodSource("examples")
    void everyShippedExampleDeclaresBothCapabilities(Path example) {
        SutCapabilities capabilities = SutSpec.load(example).capabilities();

        assertThat(capabilities.fallback()).as("%s declares whether its SUT has a fallback", example.getFileName()).isNotNull();
        assertThat(capabilities.streaming()).as("%s declares whether its SUT streams", example.getFileName()).isNotNull();
    }

    @Test
    void theNaiveGatewayProcessExampleDeclaresNoFallback() {
        assertThat(SutSpec.load(EXAMPLES.resolve("naive-gateway-process.yaml")).capabilities().lacking())
                .as("capabilities the naive gateway's process example declares it lacks")
                .containsExactly(SutCapability.FALLBACK);
    }

    /**
     * Each example started as written in front of a running world answers a task. An example that points at
     * something the user runs (their agent program, their service, their gateway) gets a stand-in for it,
     * put where the example points by replacing exactly that address or program name in its text.
     */
    @ParameterizedTest
    @MethodSource("examples")
    @Timeout(60)
    void everyShippedExampleStartsInFrontOfAWorldAndAnswersATask(Path example) throws Exception {
        if (SutSpec.load(example).container() != null) {
            Assumptions.assumeTrue(ContainerBackend.dockerAvailable(), "no Docker engine: " + example.getFileName()
                    + " starts a container");
        }
        try (ProxiedWorld world = SutFixtures.startWorld(); StandIn standIn = StandIn.forExample(example, world, folder)) {
            SutSpec spec = SutSpec.parse(standIn.text(), example.toString(), EXAMPLES.toAbsolutePath().normalize());

            try (StartedSut sut = SutStarter.start(spec, world.endpoints(), SutFixtures.environmentOf(world.endpoints()),
                    folder.resolve("run"), 1.0)) {
                SutReply reply = sut.sut().send(new SutRequest("task-1", "What is 2 + 2?", false, Duration.ofSeconds(20)));

                assertThat(reply.status()).as("%s answered %s", example.getFileName(), reply.answer()).isEqualTo(200);
                assertThat(reply.answer()).as("%s's answer", example.getFileName()).isNotBlank();
                standIn.assertReached(reply);
            }
        }
    }

    @Test
    @Timeout(60)
    void theNaiveGatewayProcessExampleAnswersThroughAnOAuthProviderAsInTheOAuthOutage() throws Exception {
        SutSpec spec = SutSpec.load(EXAMPLES.resolve("naive-gateway-process.yaml"));

        try (ProxiedWorld world = SutFixtures.startWorldOf("oauth-outage");
             StartedSut sut = SutStarter.start(spec, world.endpoints(), SutFixtures.environmentOf(world.endpoints()),
                     folder.resolve("run"), 1.0)) {
            SutReply reply = sut.sut().send(new SutRequest("task-1", "What is 2 + 2?", false, Duration.ofSeconds(20)));

            assertThat(reply.status()).as("status; answer %s", reply.answer()).isEqualTo(200);
            assertThat(world.fakes().provider("primary").ledger().all()).as("calls the OAuth-protected primary took")
                    .singleElement().satisfies(call -> assertThat(call.status()).as("the primary's status").isEqualTo(200));
        }
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
    void aResponsesApiGatewayTakesTheFieldsOfTheOtherLlmApis() {
        SutSpec spec = parse("""
                name: agents
                adapter: openai-responses
                base_url: http://127.0.0.1:{{port}}/v1
                model: gpt-5
                api_key: sk-test
                headers: { X-Team: a }
                body: { temperature: 0 }
                """);

        assertThat(spec.adapter()).as("adapter").isEqualTo(SutAdapter.OPENAI_RESPONSES);
        assertThat(spec.baseUrl()).as("base URL").isEqualTo("http://127.0.0.1:{{port}}/v1");
        assertThat(spec.model()).as("model").isEqualTo("gpt-5");
        assertThat(spec.headers()).as("headers").containsEntry("X-Team", "a");
        assertThat(spec.body()).as("body fields").containsEntry("temperature", 0);
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
        assertThat(problem.message()).contains("openai-chat, openai-responses, anthropic-messages, gemini, http, command, reference")
                .contains("'openai'");
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

    /** What an example points at that the user would run; {@code assertReached} checks the example really got there. */
    private interface StandIn extends AutoCloseable {

        String text();

        default void assertReached(SutReply reply) {
        }

        @Override
        default void close() {
        }

        static StandIn forExample(Path example, ProxiedWorld world, Path folder) throws IOException {
            String text = Files.readString(example);
            return switch (example.getFileName().toString()) {
                case "cli-agent.yaml" -> agent(text, world, folder);
                case "http-service.yaml" -> service(text);
                case "openai-compatible-gateway.yaml" -> gateway(text, world);
                case "gateway-container.yaml" -> forwarder(text, world);
                default -> () -> text;
            };
        }

        /** The example as written: its container forwards to the world's primary, which must have taken the call. */
        private static StandIn forwarder(String text, ProxiedWorld world) {
            return new StandIn() {
                public String text() {
                    return text;
                }

                public void assertReached(SutReply reply) {
                    assertThat(world.fakes().provider("primary").ledger().all()).as("calls the primary took through the container")
                            .hasSize(1);
                }
            };
        }

        /** A program in place of my-agent that answers with the base URL it was given and whether it got a key. */
        private static StandIn agent(String text, ProxiedWorld world, Path folder) throws IOException {
            Path agent = folder.resolve("my-agent");
            Files.writeString(agent, """
                    #!/bin/sh
                    cat > /dev/null
                    echo "4 from $2 key=${MY_AGENT_API_KEY:+set}"
                    """);
            agent.toFile().setExecutable(true);
            String rewritten = replaceOnce(text, "argv: [my-agent,", "argv: [\"" + agent + "\",");
            String expected = "4 from " + world.endpoints().providers().getFirst().baseUrl() + " key=set";
            return new StandIn() {
                public String text() {
                    return rewritten;
                }

                public void assertReached(SutReply reply) {
                    assertThat(reply.answer()).as("the agent's answer: the primary's URL and key came through").isEqualTo(expected);
                }
            };
        }

        /** A JSON service in place of the one at 127.0.0.1:9000. */
        private static StandIn service(String text) {
            RecordingServer server = new RecordingServer().answering(200, "application/json",
                    "{\"answer\": {\"text\": \"4\", \"model\": \"stand-in\"}}");
            String rewritten = replaceOnce(text, "http://127.0.0.1:9000", server.url());
            return new StandIn() {
                public String text() {
                    return rewritten;
                }

                public void assertReached(SutReply reply) {
                    assertThat(reply.answer()).as("the answer at /answer/text").isEqualTo("4");
                    assertThat(server.requests()).as("requests the service got").singleElement().satisfies(request -> {
                        assertThat(request.header("Authorization")).as("Authorization").isEqualTo("Bearer local-dev-token");
                        assertThat(request.body()).as("the rendered body").contains("\"id\": \"task-1\"").contains("What is 2 + 2?");
                    });
                }

                public void close() {
                    server.close();
                }
            };
        }

        /** The naive reference gateway, in front of the world, in place of the user's gateway at 127.0.0.1:8787. */
        private static StandIn gateway(String text, ProxiedWorld world) {
            RunningGateway gateway = NaiveGateway.start(ReferenceSut.configFor(world.endpoints(), 1.0));
            String rewritten = replaceOnce(text, "http://127.0.0.1:8787/v1", gateway.baseUrl());
            return new StandIn() {
                public String text() {
                    return rewritten;
                }

                public void assertReached(SutReply reply) {
                    assertThat(reply.model()).as("the model the gateway answered with").isEqualTo("frontier");
                }

                public void close() {
                    gateway.close();
                }
            };
        }

        private static String replaceOnce(String text, String target, String replacement) {
            assertThat(text).as("the example still points at %s", target).containsOnlyOnce(target);
            return text.replace(target, replacement);
        }
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
