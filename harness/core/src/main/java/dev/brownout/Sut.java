package dev.brownout;

import dev.brownout.internal.sut.ContainerSutFactory;
import dev.brownout.internal.sut.SutAdapter;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.internal.sut.StartedSut;
import dev.brownout.internal.sut.SutSpec;
import dev.brownout.scenario.SutCapability;
import dev.brownout.sut.SutClient;
import dev.brownout.world.WorldEndpoints;
import org.testcontainers.containers.GenericContainer;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The system under test a run plays against: a gateway reached over HTTP, a SUT file (any adapter, and a
 * process or container to start), a gateway in a container, a reference gateway, or code in this JVM. It is started once the world is up, with
 * only the world's proxy addresses, and stopped when the run ends.
 */
public final class Sut {

    private final SutFactory factory;
    private final String argument;

    private Sut(SutFactory factory, String argument) {
        this.factory = factory;
        this.argument = argument;
    }

    /** A running gateway that speaks OpenAI Chat Completions at {@code baseUrl} (e.g. {@code http://127.0.0.1:8787/v1}). */
    public static Sut openAiChat(String baseUrl) {
        return parse("openai-chat=" + requireUrl(baseUrl));
    }

    /** A running gateway that speaks the OpenAI Responses API at {@code baseUrl} (e.g. {@code http://127.0.0.1:8787/v1}). */
    public static Sut openAiResponses(String baseUrl) {
        return parse("openai-responses=" + requireUrl(baseUrl));
    }

    /** A running gateway that speaks the Anthropic Messages API at {@code baseUrl} (its origin, as the SDK takes it). */
    public static Sut anthropicMessages(String baseUrl) {
        return parse("anthropic-messages=" + requireUrl(baseUrl));
    }

    /**
     * A running gateway that speaks Google's Gemini API at {@code baseUrl}: its origin, as Google's SDKs take it
     * (e.g. {@code http://127.0.0.1:8787}); requests go to {@code v1beta/models/{model}:generateContent} under it.
     */
    public static Sut gemini(String baseUrl) {
        return parse("gemini=" + requireUrl(baseUrl));
    }

    /**
     * A reference gateway started in this JVM and pointed at the world: {@code naive} (forwards once) or
     * {@code resilient} (retries, fails over, breaks circuits).
     */
    public static Sut reference(String name) {
        Objects.requireNonNull(name, "a reference gateway's name: naive or resilient");
        return parse("reference:" + name);
    }

    /** The SUT a SUT file describes (YAML: an adapter, headers, a process or container to start); see {@code docs/sut.md}. */
    public static Sut fromFile(Path file) {
        Objects.requireNonNull(file, "the path of a SUT file");
        return new Sut(SutFactory.of(SutSpec.load(file)), file.toString());
    }

    /**
     * As the command line's {@code --sut} takes it: a SUT file, {@code reference:naive}, {@code reference:resilient},
     * {@code openai-chat=URL}, {@code openai-responses=URL}, {@code anthropic-messages=URL} or {@code gemini=URL}.
     *
     * @throws dev.brownout.input.InvalidInputException for a SUT file with problems, each with file, line and field
     * @throws IllegalArgumentException for anything else that names no SUT, with the valid forms
     */
    public static Sut parse(String argument) {
        Objects.requireNonNull(argument, "a SUT: a SUT file, reference:naive|resilient, openai-chat=URL, openai-responses=URL, "
                + "anthropic-messages=URL or gemini=URL");
        return new Sut(SutFactory.of(SutSpec.fromArgument(argument)), argument);
    }

    /**
     * A gateway in {@code container} speaking OpenAI Chat Completions under {@code /v1} on the first port it exposes;
     * see {@link #container(GenericContainer, ContainerOptions)}.
     */
    public static Sut container(GenericContainer<?> container) {
        return container(container, ContainerOptions.openAiChat());
    }

    /**
     * A gateway in {@code container} (configured but not started: image, its own environment, exposed port, wait
     * strategy), started once each world of the run is up and stopped after it, also when the run fails or is
     * stopped. Before each start the world's {@code BROWNOUT_*} variables are added to its environment, with every
     * loopback address in them turned into {@code host.testcontainers.internal}, and the world's ports are exposed to
     * it (Testcontainers host port exposure), so the gateway reaches the world's proxies there. Its output goes to
     * {@code sut.stdout.log} and {@code sut.stderr.log} in the run folder. Needs a Docker engine when the run starts:
     * without one the run does not start ({@link RunNotStartedException}, saying so).
     */
    public static Sut container(GenericContainer<?> container, ContainerOptions options) {
        Objects.requireNonNull(container, "a container: new GenericContainer<>(image).withExposedPorts(port)");
        Objects.requireNonNull(options, "container options, e.g. Sut.ContainerOptions.openAiChat()");
        return new Sut(ContainerSutFactory.of(options.spec(), container, options.port()), null);
    }

    /**
     * A SUT inside this JVM, built once the world is up from its endpoints (proxy addresses and credentials);
     * closed after the run when the client is {@link AutoCloseable}.
     *
     * @param name how the run names the SUT, in its folder name and result
     */
    public static Sut inJvm(String name, Function<WorldEndpoints, SutClient> build) {
        return new Sut(SutFactory.inJvm(name, build), null);
    }

    /** How the run names this SUT. */
    public String name() {
        return factory.name();
    }

    /**
     * This SUT, declaring that it does not have {@code capabilities} (a bare SDK has no fallback): the scenario's
     * checks that need one of them ({@code checks.needs}) are not judged and show as n/a. A SUT file declares the
     * same under {@code capabilities:}; {@code reference:naive} already lacks a fallback.
     */
    public Sut lacking(SutCapability... capabilities) {
        Objects.requireNonNull(capabilities, "the capabilities the SUT lacks, e.g. SutCapability.FALLBACK");
        Set<SutCapability> lacking = EnumSet.noneOf(SutCapability.class);
        lacking.addAll(factory.lacking());
        for (SutCapability capability : capabilities) {
            lacking.add(Objects.requireNonNull(capability, "a capability, not null: FALLBACK or STREAMING"));
        }
        SutFactory declared = factory;
        Set<SutCapability> all = Set.copyOf(lacking);
        SutFactory lackingFactory = new SutFactory() {
            @Override
            public String name() {
                return declared.name();
            }

            @Override
            public StartedSut start(WorldEndpoints endpoints, Map<String, String> worldEnvironment, Path runDir,
                                    double timeScale) {
                return declared.start(endpoints, worldEnvironment, runDir, timeScale);
            }

            @Override
            public Set<SutCapability> lacking() {
                return all;
            }
        };
        // a --sut argument cannot say what the SUT lacks beyond its own declaration, so it no longer reproduces it
        return new Sut(lackingFactory, all.equals(factory.lacking()) ? argument : null);
    }

    SutFactory factory() {
        return factory;
    }

    /** The {@code --sut} value that names this SUT on the command line; empty for one built in this JVM. */
    Optional<String> argument() {
        return Optional.ofNullable(argument);
    }

    private static String requireUrl(String baseUrl) {
        Objects.requireNonNull(baseUrl, "the gateway's base URL");
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + baseUrl + "' is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("a gateway's base URL is http(s)://host:port/..., not '" + baseUrl + "'");
        }
        return baseUrl;
    }

    @Override
    public String toString() {
        return name();
    }

    /**
     * How a run talks to a system under test in a container ({@link #container(GenericContainer, ContainerOptions)}):
     * the API it speaks, the container port it listens on, the path its API is under, and optionally the model and
     * key sent to it and the name the run gives it. Immutable: every method returns a changed copy.
     *
     * <pre>{@code
     * Sut.container(gateway, Sut.ContainerOptions.anthropicMessages().port(4000).apiKey("sk-gateway").name("my-gateway"))
     * }</pre>
     */
    public static final class ContainerOptions {

        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        private static final String DEFAULT_NAME = "container";

        private final SutAdapter adapter;
        private final Integer port;
        private final String basePath;
        private final String apiKey;
        private final String model;
        private final String name;

        private ContainerOptions(SutAdapter adapter, Integer port, String basePath, String apiKey, String model, String name) {
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
        public static ContainerOptions openAiChat() {
            return new ContainerOptions(SutAdapter.OPENAI_CHAT, null, "/v1", null, null, DEFAULT_NAME);
        }

        /** A gateway speaking the OpenAI Responses API under {@code /v1}; otherwise as {@link #openAiChat()}. */
        public static ContainerOptions openAiResponses() {
            return new ContainerOptions(SutAdapter.OPENAI_RESPONSES, null, "/v1", null, null, DEFAULT_NAME);
        }

        /** A gateway speaking the Anthropic Messages API at its origin (no base path); otherwise as {@link #openAiChat()}. */
        public static ContainerOptions anthropicMessages() {
            return new ContainerOptions(SutAdapter.ANTHROPIC_MESSAGES, null, "", null, null, DEFAULT_NAME);
        }

        /** A gateway speaking Google's Gemini API at its origin (no base path); otherwise as {@link #openAiChat()}. */
        public static ContainerOptions gemini() {
            return new ContainerOptions(SutAdapter.GEMINI, null, "", null, null, DEFAULT_NAME);
        }

        /** The port the gateway listens on inside the container (exposed if the container does not expose it yet). */
        public ContainerOptions port(int containerPort) {
            if (containerPort < 1 || containerPort > 65535) {
                throw new IllegalArgumentException("a container port is from 1 to 65535, was " + containerPort);
            }
            return new ContainerOptions(adapter, containerPort, basePath, apiKey, model, name);
        }

        /** The path the API is under, as its SDK would be given it after the origin: {@code ""} or starting with {@code /}. */
        public ContainerOptions basePath(String path) {
            Objects.requireNonNull(path, "a base path: \"\" for none, or e.g. /v1");
            if (!path.isEmpty() && (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace))) {
                throw new IllegalArgumentException("a base path is \"\" or starts with / and has no spaces, e.g. /v1; was '" + path + "'");
            }
            return new ContainerOptions(adapter, port, path, apiKey, model, name);
        }

        /**
         * The key presented to the gateway ({@code Authorization: Bearer} for OpenAI Chat, {@code x-api-key} for
         * Anthropic Messages, {@code x-goog-api-key} for Gemini). A template over the world as a SUT file's {@code api_key} is: {@code
         * {{providers.primary.api_key}}} passes the primary provider's own key.
         */
        public ContainerOptions apiKey(String key) {
            return new ContainerOptions(adapter, port, basePath, Objects.requireNonNull(key, "a key"), model, name);
        }

        /** The model name sent to the gateway, e.g. a routing alias it knows; a template as {@link #apiKey(String)} is. */
        public ContainerOptions model(String modelName) {
            Objects.requireNonNull(modelName, "a model name");
            if (modelName.isBlank()) {
                throw new IllegalArgumentException("a model name cannot be blank");
            }
            return new ContainerOptions(adapter, port, basePath, apiKey, modelName, name);
        }

        /** How the run names the SUT, in its folder name and result; default {@code container}. */
        public ContainerOptions name(String sutName) {
            Objects.requireNonNull(sutName, "a SUT name");
            if (!NAME.matcher(sutName).matches()) {
                throw new IllegalArgumentException("a SUT name is letters, digits, dots, dashes and underscores, starting "
                        + "with a letter or digit, at most 64 characters; was '" + sutName + "'");
            }
            return new ContainerOptions(adapter, port, basePath, apiKey, model, sutName);
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
}
