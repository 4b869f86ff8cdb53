package dev.brownout;

import dev.brownout.internal.sut.SutAdapter;
import dev.brownout.internal.sut.SutSpec;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a run talks to a system under test in a container ({@link Sut#container(org.testcontainers.containers.GenericContainer,
 * ContainerSutOptions)}): the API it speaks, the container port it listens on, the path its API is under, and
 * optionally the model and key sent to it and the name the run gives it. Immutable: every method returns a
 * changed copy.
 *
 * <pre>{@code
 * Sut.container(gateway, ContainerSutOptions.anthropicMessages().port(4000).apiKey("sk-gateway").name("my-gateway"))
 * }</pre>
 */
public final class ContainerSutOptions {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String DEFAULT_NAME = "container";

    private final SutAdapter adapter;
    private final Integer port;
    private final String basePath;
    private final String apiKey;
    private final String model;
    private final String name;

    private ContainerSutOptions(SutAdapter adapter, Integer port, String basePath, String apiKey, String model, String name) {
        this.adapter = adapter;
        this.port = port;
        this.basePath = basePath;
        this.apiKey = apiKey;
        this.model = model;
        this.name = name;
    }

    /**
     * A gateway speaking OpenAI Chat Completions under {@code /v1}, on the first port the container exposes, named
     * {@code container}, sent no key and the world's first provider's first model.
     */
    public static ContainerSutOptions openAiChat() {
        return new ContainerSutOptions(SutAdapter.OPENAI_CHAT, null, "/v1", null, null, DEFAULT_NAME);
    }

    /** A gateway speaking the Anthropic Messages API at its origin (no base path); otherwise as {@link #openAiChat()}. */
    public static ContainerSutOptions anthropicMessages() {
        return new ContainerSutOptions(SutAdapter.ANTHROPIC_MESSAGES, null, "", null, null, DEFAULT_NAME);
    }

    /** The port the gateway listens on inside the container (exposed if the container does not expose it yet). */
    public ContainerSutOptions port(int containerPort) {
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("a container port is from 1 to 65535, was " + containerPort);
        }
        return new ContainerSutOptions(adapter, containerPort, basePath, apiKey, model, name);
    }

    /** The path the API is under, as its SDK would be given it after the origin: {@code ""} or starting with {@code /}. */
    public ContainerSutOptions basePath(String path) {
        Objects.requireNonNull(path, "a base path: \"\" for none, or e.g. /v1");
        if (!path.isEmpty() && (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("a base path is \"\" or starts with / and has no spaces, e.g. /v1; was '" + path + "'");
        }
        return new ContainerSutOptions(adapter, port, path, apiKey, model, name);
    }

    /**
     * The key presented to the gateway ({@code Authorization: Bearer} for OpenAI Chat, {@code x-api-key} for
     * Anthropic Messages). A template over the world as a SUT file's {@code api_key} is: {@code
     * {{providers.primary.api_key}}} passes the primary provider's own key.
     */
    public ContainerSutOptions apiKey(String key) {
        return new ContainerSutOptions(adapter, port, basePath, Objects.requireNonNull(key, "a key"), model, name);
    }

    /** The model name sent to the gateway, e.g. a routing alias it knows; a template as {@link #apiKey(String)} is. */
    public ContainerSutOptions model(String modelName) {
        Objects.requireNonNull(modelName, "a model name");
        if (modelName.isBlank()) {
            throw new IllegalArgumentException("a model name cannot be blank");
        }
        return new ContainerSutOptions(adapter, port, basePath, apiKey, modelName, name);
    }

    /** How the run names the SUT, in its folder name and result; default {@code container}. */
    public ContainerSutOptions name(String sutName) {
        Objects.requireNonNull(sutName, "a SUT name");
        if (!NAME.matcher(sutName).matches()) {
            throw new IllegalArgumentException("a SUT name is letters, digits, dots, dashes and underscores, starting "
                    + "with a letter or digit, at most 64 characters; was '" + sutName + "'");
        }
        return new ContainerSutOptions(adapter, port, basePath, apiKey, model, sutName);
    }

    /** The SUT these options describe, its base URL a template over the container's published address. */
    SutSpec spec() {
        return new SutSpec(name, adapter, "{{container.url}}" + basePath, model, apiKey, null, null,
                SutSpec.DEFAULT_MAX_TOKENS, null, null, null, null, null);
    }

    /** The container port named, or null for the container's first exposed port. */
    Integer port() {
        return port;
    }

    @Override
    public String toString() {
        return adapter.label() + " SUT '" + name + "' in a container" + (port == null ? "" : " on port " + port)
                + (basePath.isEmpty() ? "" : " under " + basePath);
    }
}
