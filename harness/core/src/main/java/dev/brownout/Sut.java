package dev.brownout;

import dev.brownout.internal.sut.ContainerSutFactory;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.internal.sut.SutSpec;
import dev.brownout.sut.SutClient;
import dev.brownout.world.WorldEndpoints;
import org.testcontainers.containers.GenericContainer;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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

    /** A running gateway that speaks the Anthropic Messages API at {@code baseUrl} (its origin, as the SDK takes it). */
    public static Sut anthropicMessages(String baseUrl) {
        return parse("anthropic-messages=" + requireUrl(baseUrl));
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
     * {@code openai-chat=URL} or {@code anthropic-messages=URL}.
     *
     * @throws dev.brownout.input.InvalidInputException for a SUT file with problems, each with file, line and field
     * @throws IllegalArgumentException for anything else that names no SUT, with the valid forms
     */
    public static Sut parse(String argument) {
        Objects.requireNonNull(argument, "a SUT: a SUT file, reference:naive|resilient, openai-chat=URL or anthropic-messages=URL");
        return new Sut(SutFactory.of(SutSpec.fromArgument(argument)), argument);
    }

    /**
     * A gateway in {@code container} speaking OpenAI Chat Completions under {@code /v1} on the first port it exposes;
     * see {@link #container(GenericContainer, ContainerSutOptions)}.
     */
    public static Sut container(GenericContainer<?> container) {
        return container(container, ContainerSutOptions.openAiChat());
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
    public static Sut container(GenericContainer<?> container, ContainerSutOptions options) {
        Objects.requireNonNull(container, "a container: new GenericContainer<>(image).withExposedPorts(port)");
        Objects.requireNonNull(options, "container options, e.g. ContainerSutOptions.openAiChat()");
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
}
