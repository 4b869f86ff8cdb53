package dev.brownout.internal.sut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable description of a system under test: how to talk to it and, optionally, how to start it.
 * Read from a small YAML file ({@link #load}) validated against {@code scenarios/schema/sut.schema.json}, or
 * from a {@code --sut} shorthand ({@link #shorthand}). Every string a SUT reads from the world (URLs,
 * model, key, headers, body values, command, environment) is a Mustache template rendered when the SUT
 * starts; see {@link SutStarter}.
 *
 * @param name      how reports name the SUT
 * @param baseUrl   the gateway's base URL, as its SDK takes it; null for {@code http} (its {@code url}
 *                  says), {@code command} and {@code reference}
 * @param model     the model name sent to the gateway; null for the world's first provider's first model
 * @param apiKey    the key the harness sends the gateway; null for none
 * @param headers   extra request headers for the LLM API adapters and {@code http}
 * @param body      extra fields merged into each request of an LLM API adapter
 *                  (string values templated)
 * @param maxTokens {@code max_tokens} of Messages API requests
 * @param gateway   for {@code reference}: {@code naive} or {@code resilient}
 * @param http      for {@code http}: the request template and the answer's pointer
 * @param command   for {@code command}: the process per task
 * @param process   a process to start before the run (any adapter but {@code reference}); null for none
 * @param container a container to start before the run (any adapter but {@code reference}, not with a
 *                  process); null for none
 * @param capabilities what the SUT declares it can do (a fallback, streaming); for a reference gateway, what it
 *                  does unless the file says otherwise
 */
public record SutSpec(String name, SutAdapter adapter, String baseUrl, String model, String apiKey,
                      Map<String, String> headers, Map<String, Object> body, int maxTokens, String gateway,
                      HttpRequestTemplate http, CommandSpec command, ProcessSpec process, ContainerSpec container,
                      SutCapabilities capabilities) {

    public static final int DEFAULT_MAX_TOKENS = 1024;
    public static final String NAIVE = "naive";
    public static final String RESILIENT = "resilient";

    public SutSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a SUT needs a name");
        }
        if (adapter == null) {
            throw new IllegalArgumentException("SUT '" + name + "' needs an adapter: " + SutAdapter.known());
        }
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(body));
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1, was " + maxTokens);
        }
        if (process != null && container != null) {
            throw new IllegalArgumentException("SUT '" + name + "' has a process and a container; it is started one way");
        }
        capabilities = capabilities == null ? SutCapabilities.UNDECLARED : capabilities;
        if (adapter == SutAdapter.REFERENCE) {
            capabilities = capabilities.orElse(SutCapabilities.ofReference(gateway));
        }
    }

    /** A SUT that declares no capabilities (a reference gateway still has its own). */
    public SutSpec(String name, SutAdapter adapter, String baseUrl, String model, String apiKey,
                   Map<String, String> headers, Map<String, Object> body, int maxTokens, String gateway,
                   HttpRequestTemplate http, CommandSpec command, ProcessSpec process, ContainerSpec container) {
        this(name, adapter, baseUrl, model, apiKey, headers, body, maxTokens, gateway, http, command, process, container,
                null);
    }

    /** Reads and checks a SUT file; relative paths in it resolve against its folder. */
    public static SutSpec load(Path file) {
        return SutFileReader.load(file);
    }

    /** Reads SUT text; {@code origin} names it in problems, relative paths resolve against {@code folder}. */
    public static SutSpec parse(String yaml, String origin, Path folder) {
        return SutFileReader.parse(yaml, origin, folder);
    }

    /**
     * Reads a {@code --sut} shorthand: {@code reference:naive}, {@code reference:resilient},
     * {@code openai-chat=URL}, {@code openai-responses=URL}, {@code anthropic-messages=URL} or {@code gemini=URL}.
     * Anything else is a {@link SutSpecException}
     * listing these forms.
     */
    public static SutSpec shorthand(String text) {
        return SutShorthand.parse(text);
    }

    /** A {@code --sut} value: a shorthand when it reads as one, else the path of a SUT file. */
    public static SutSpec fromArgument(String argument) {
        if (SutShorthand.looksLikeOne(argument)) {
            return shorthand(argument);
        }
        if (argument.endsWith(".yaml") || argument.endsWith(".yml") || Files.isRegularFile(Path.of(argument))) {
            return load(Path.of(argument));
        }
        return shorthand(argument);
    }

    public Optional<ProcessSpec> processSpec() {
        return Optional.ofNullable(process);
    }

    public Optional<ContainerSpec> containerSpec() {
        return Optional.ofNullable(container);
    }
}
