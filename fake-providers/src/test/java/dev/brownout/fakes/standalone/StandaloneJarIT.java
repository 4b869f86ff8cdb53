package dev.brownout.fakes.standalone;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The standalone jar as a user runs it: {@code java -jar brownout-fakes.jar [--config world.yaml]} prints one
 * JSON line with the endpoints, the official SDKs work against what it prints, and it stops cleanly when its
 * standard input closes or on SIGTERM. Runs in {@code verify}, after {@code package} built the jar.
 */
class StandaloneJarIT {

    static final Duration STARTUP = Duration.ofSeconds(30);
    static final Duration SHUTDOWN = Duration.ofSeconds(15);
    static final ObjectMapper JSON = new ObjectMapper();

    /** One running default world shared by the tests that only read from it. */
    static StandaloneProcess defaultWorld;
    static JsonNode defaultDescription;

    @TempDir
    Path directory;

    @BeforeAll
    static void startDefaultWorld() throws Exception {
        defaultWorld = StandaloneProcess.start();
        defaultDescription = JSON.readTree(defaultWorld.nextStdoutLine(STARTUP));
    }

    @AfterAll
    static void stopDefaultWorld() throws Exception {
        if (defaultWorld != null) {
            defaultWorld.close();
        }
    }

    @Test
    void printsEveryProviderWithTheBaseUrlItsSdkTakes() {
        JsonNode providers = defaultDescription.path("providers");

        assertThat(providers.size()).as("providers in %s", defaultDescription).isEqualTo(2);
        for (JsonNode provider : providers) {
            for (String field : List.of("name", "dialect", "base_url", "api_key", "admin_url")) {
                assertThat(provider.path(field).asText()).as("%s of %s", field, provider).isNotBlank();
            }
            assertThat(provider.path("models").isArray() && !provider.path("models").isEmpty())
                    .as("models of %s", provider).isTrue();
            assertThat(provider.path("admin_url").asText()).as("admin_url of %s", provider)
                    .matches("http://127\\.0\\.0\\.1:\\d+/__brownout");
        }
        assertThat(provider("openai").path("base_url").asText()).as("OpenAI base_url (the SDK appends /chat/...)")
                .matches("http://127\\.0\\.0\\.1:\\d+/v1");
        assertThat(provider("anthropic").path("base_url").asText()).as("Anthropic base_url (the SDK appends /v1/...)")
                .matches("http://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void openAiSdkGetsAnAnswerFromThePrintedBaseUrlAndKey() {
        JsonNode openai = provider("openai");
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(openai.path("base_url").asText())
                .apiKey(openai.path("api_key").asText())
                .maxRetries(0)
                .build();
        try {
            ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model("mid").maxCompletionTokens(16).addUserMessage("Say hello.").build());

            assertThat(completion.model()).as("model of the completion").isEqualTo("mid");
            assertThat(completion.choices().getFirst().message().content()).as("answer text")
                    .hasValueSatisfying(text -> assertThat(text).isNotBlank());
        } finally {
            client.close();
        }
    }

    @Test
    void anthropicSdkGetsAnAnswerFromThePrintedBaseUrlAndKey() {
        JsonNode anthropic = provider("anthropic");
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .baseUrl(anthropic.path("base_url").asText())
                .apiKey(anthropic.path("api_key").asText())
                .maxRetries(0)
                .build();
        try {
            Message message = client.messages().create(MessageCreateParams.builder()
                    .model("mid").maxTokens(16).addUserMessage("Say hello.").build());

            assertThat(message.content()).as("content blocks of the message").isNotEmpty();
            assertThat(message.content().stream().filter(ContentBlock::isText)
                    .map(block -> block.asText().text()).findFirst())
                    .as("text of the message").hasValueSatisfying(text -> assertThat(text).isNotBlank());
        } finally {
            client.close();
        }
    }

    @Test
    void writesNothingToStdoutButTheOneJsonLine() throws Exception {
        try (StandaloneProcess fakes = StandaloneProcess.start()) {
            String first = fakes.nextStdoutLine(STARTUP);
            fakes.closeStdin();

            assertThat(fakes.exitCode(SHUTDOWN)).as("exit code after stdin closed").isEqualTo(0);
            assertThat(JSON.readTree(first).has("providers")).as("first stdout line %s", first).isTrue();
            assertThat(fakes.remainingStdout(SHUTDOWN)).as("stdout after the JSON line").isEmpty();
        }
    }

    @Test
    void closingStdinStopsItWithExitCode0AndClosesEveryPort() throws Exception {
        try (StandaloneProcess fakes = StandaloneProcess.start()) {
            List<URI> listeners = listeners(JSON.readTree(fakes.nextStdoutLine(STARTUP)));
            assertThat(listeners).as("listeners while running").allSatisfy(uri ->
                    assertThat(accepts(uri)).as("%s accepts connections while running", uri).isTrue());

            fakes.closeStdin();

            assertThat(fakes.exitCode(SHUTDOWN)).as("exit code within %s of stdin closing", SHUTDOWN).isEqualTo(0);
            assertThat(listeners).allSatisfy(uri ->
                    assertThat(accepts(uri)).as("%s accepts connections after exit", uri).isFalse());
        }
    }

    @Test
    void sigtermStopsItPromptlyAndClosesEveryPort() throws Exception {
        try (StandaloneProcess fakes = StandaloneProcess.start()) {
            List<URI> listeners = listeners(JSON.readTree(fakes.nextStdoutLine(STARTUP)));

            fakes.terminate();

            // A JVM stopped by SIGTERM exits with 143 (128 + 15) once its shutdown hooks ran; 0 if main won the race.
            assertThat(fakes.exitCode(SHUTDOWN)).as("exit code within %s of SIGTERM (null: still running)", SHUTDOWN)
                    .isIn(0, 143);
            assertThat(listeners).allSatisfy(uri ->
                    assertThat(accepts(uri)).as("%s accepts connections after SIGTERM", uri).isFalse());
        }
    }

    @Test
    void configWithTwoOpenAiProvidersNamedPrimaryAndBackupIsHonoured() throws Exception {
        Path world = Files.writeString(directory.resolve("world.yaml"), """
                seed: 7
                providers:
                  - { name: primary, dialect: openai, models: [frontier] }
                  - { name: backup,  dialect: openai, models: [mid, small] }
                """);
        try (StandaloneProcess fakes = StandaloneProcess.start("--config", world.toString())) {
            JsonNode providers = JSON.readTree(fakes.nextStdoutLine(STARTUP)).path("providers");

            assertThat(providers.findValuesAsText("name")).as("provider names").containsExactly("primary", "backup");
            assertThat(providers.findValuesAsText("dialect")).as("dialects").containsExactly("openai", "openai");
            assertThat(JSON.convertValue(providers.get(0).path("models"), List.class)).as("primary's models")
                    .containsExactly("frontier");
            assertThat(JSON.convertValue(providers.get(1).path("models"), List.class)).as("backup's models")
                    .containsExactly("mid", "small");
            assertThat(providers.get(0).path("base_url").asText()).as("primary's base_url")
                    .isNotEqualTo(providers.get(1).path("base_url").asText()).endsWith("/v1");
            assertThat(providers.get(0).path("api_key").asText()).as("primary's key")
                    .isNotEqualTo(providers.get(1).path("api_key").asText());
            fakes.closeStdin();
            assertThat(fakes.exitCode(SHUTDOWN)).as("exit code after stdin closed").isEqualTo(0);
        }
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                arguments("missing file", null, "world.yaml"),
                arguments("invalid YAML (a list never closed)", "providers: [\n  { name: a, dialect: openai }\n", "line"),
                arguments("unknown field", "providers:\n  - { name: primary, dialect: openai, colour: red }\n",
                        "colour"),
                arguments("unknown dialect", "providers:\n  - { name: primary, dialect: palm }\n", "dialect"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void badConfigExitsWithCode2AndOneLineOnStderrNamingTheFileAndTheProblem(String what, String yaml,
                                                                              String named) throws Exception {
        Path world = directory.resolve("world.yaml");
        if (yaml != null) {
            Files.writeString(world, yaml);
        }
        try (StandaloneProcess fakes = StandaloneProcess.start("--config", world.toString())) {
            Integer exit = fakes.exitCode(STARTUP);
            String stderr = fakes.stderr(SHUTDOWN).strip();

            assertThat(exit).as("exit code for a config with %s; stderr: %s", what, stderr).isEqualTo(2);
            assertThat(stderr.lines().toList()).as("stderr lines for %s", what).hasSize(1);
            assertThat(stderr).as("stderr for %s", what).contains(world.toString()).contains(named)
                    .doesNotContain("Exception", "\tat ", "at dev.");
            assertThat(fakes.remainingStdout(SHUTDOWN)).as("stdout for %s", what).isEmpty();
        }
    }

    private static JsonNode provider(String name) {
        for (JsonNode provider : defaultDescription.path("providers")) {
            if (provider.path("name").asText().equals(name)) {
                return provider;
            }
        }
        throw new AssertionError("no provider '" + name + "' in " + defaultDescription);
    }

    private static List<URI> listeners(JsonNode description) {
        List<URI> uris = new ArrayList<>();
        description.path("providers").forEach(provider -> uris.add(URI.create(provider.path("admin_url").asText())));
        return uris;
    }

    /** Whether something accepts a TCP connection on the URI's port right now. */
    private static boolean accepts(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
