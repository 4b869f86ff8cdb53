package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.internal.tasks.TaskTools;
import dev.brownout.sut.SutClient;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts a {@link SutSpec} in front of a world. For a SUT with a {@code process}: picks a free loopback
 * {@code port}, renders the config template into the run folder, starts the process with the world's
 * {@code BROWNOUT_*} variables and the spec's environment, and waits until it is ready. For a SUT with a
 * {@code container}: starts it with the same variables as the container sees them ({@link ContainerAddresses}),
 * waits until it is ready, and points the adapter at its published port. Every template is rendered before
 * anything starts, so a template naming an unknown variable leaves nothing running.
 */
public final class SutStarter {

    private SutStarter() {
    }

    /**
     * @param worldEnvironment the world's {@code BROWNOUT_*} variables ({@code WorldEnvironment.of(endpoints)})
     * @param runDir           the run folder: {@code sut.stdout.log} / {@code sut.stderr.log}; the rendered config,
     *                         which holds the world's credentials, goes to a private folder deleted on close
     * @param timeScale        the run's time scale; a reference gateway's clocks are multiplied by it
     * @throws TemplateException  a template names a variable the world does not have
     * @throws SutStartException  the process did not start, exited during startup or was not ready in time; the
     *                            container could not start (no Testcontainers, no Docker engine) or was not ready
     */
    public static StartedSut start(SutSpec spec, WorldEndpoints endpoints, Map<String, String> worldEnvironment,
                                   Path runDir, double timeScale) {
        createFolder(runDir);
        if (spec.adapter() == SutAdapter.REFERENCE) {
            return ReferenceSut.start(spec, endpoints, timeScale);
        }
        if (spec.container() != null) {
            TestcontainersOnClassPath.require(spec.name());
            ContainerSpec container = spec.container();
            return startInContainer(spec, endpoints, worldEnvironment, runDir, addresses -> {
                RenderedContainer rendered = render(container, addresses, runDir);
                return SutContainer.fromSpec(spec.name(), container, rendered.command(), rendered.environment(),
                        addresses.hostPorts(), runDir);
            });
        }
        WorldTemplateModel model = WorldTemplateModel.of(endpoints, worldEnvironment).withRunDir(runDir);
        ProcessSpec processSpec = spec.process();
        PrivateConfigFolder configFolder = null;
        if (processSpec != null) {
            model = model.withPort(freeLoopbackPort());
            if (processSpec.configTemplate() != null) {
                configFolder = PrivateConfigFolder.create();
                model = model.withConfigFile(configFolder.path().resolve(renderedName(processSpec.configTemplate())));
            }
        }
        List<AutoCloseable> cleanUp = configFolder == null ? List.of() : List.of(configFolder);
        try {
            Adapter adapter = adapter(spec, endpoints, worldEnvironment, model);
            if (processSpec == null) {
                return new StartedSut(spec.name(), adapter.sut, adapter.url, null, cleanUp);
            }
            SutProcess process = startProcess(spec, processSpec, worldEnvironment, model, runDir, adapter.url);
            return new StartedSut(spec.name(), adapter.sut, adapter.url, process, cleanUp);
        } catch (RuntimeException e) {
            if (configFolder != null) {
                configFolder.close();
            }
            throw e;
        }
    }

    /**
     * Starts a SUT whose server runs in a container: {@code launch} starts the container, given the world as a
     * container sees it, and the adapter then talks to it at {@code container.url}. The adapter's templates are
     * rendered once before the launch (with a stand-in for {@code container.*}, known only once the container
     * runs), so a template naming an unknown variable starts nothing; a failure after the launch stops the container.
     */
    static StartedSut startInContainer(SutSpec spec, WorldEndpoints endpoints, Map<String, String> worldEnvironment,
                                       Path runDir, Function<ContainerAddresses, RunningContainer> launch) {
        createFolder(runDir);
        WorldTemplateModel model = WorldTemplateModel.of(endpoints, worldEnvironment).withRunDir(runDir);
        adapter(spec, endpoints, worldEnvironment, model.withContainer(InetAddress.getLoopbackAddress().getHostAddress(), 1));
        RunningContainer container = launch.apply(ContainerAddresses.of(endpoints, worldEnvironment));
        try {
            Adapter adapter = adapter(spec, endpoints, worldEnvironment,
                    model.withContainer(container.host(), container.mappedPort()));
            return StartedSut.inContainer(spec.name(), adapter.sut, adapter.url, container);
        } catch (RuntimeException e) {
            try {
                container.close();
            } catch (RuntimeException stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
    }

    private record Adapter(SutClient sut, String url) {
    }

    /** A SUT file's container command and environment as they are given to the container. */
    record RenderedContainer(List<String> command, Map<String, String> environment) {
    }

    /**
     * {@code container}'s command and environment rendered over the world as the container sees it; the
     * environment is the world's {@code BROWNOUT_*} variables (on those addresses) and the file's own on top.
     */
    static RenderedContainer render(ContainerSpec container, ContainerAddresses addresses, Path runDir) {
        WorldTemplateModel inside = WorldTemplateModel.of(addresses.endpoints(), addresses.environment()).withRunDir(runDir);
        try {
            List<String> command = renderList(container.command(), "container.command", inside);
            Map<String, String> environment = new LinkedHashMap<>(addresses.environment());
            environment.putAll(inside.renderAll(container.environment(), "container.environment"));
            return new RenderedContainer(command, environment);
        } catch (TemplateException e) {
            if (e.getMessage().contains("'" + WorldTemplateModel.CONTAINER + ".")) {
                throw new TemplateException(e.getMessage() + ": container.* is where this machine reaches the "
                        + "container, known once it runs; base_url and the adapter's other fields can name it, the "
                        + "container's own command and environment cannot");
            }
            throw e;
        }
    }

    private static Adapter adapter(SutSpec spec, WorldEndpoints endpoints, Map<String, String> worldEnvironment,
                                   WorldTemplateModel model) {
        return switch (spec.adapter()) {
            case OPENAI_CHAT -> {
                String url = model.render(spec.baseUrl(), "base_url").strip();
                yield new Adapter(asAgent(OpenAiChatSut.of(URI.create(url), apiKey(spec, model),
                        modelName(spec, endpoints, model), model.renderAll(spec.headers(), "headers"),
                        body(spec.body(), model))), url);
            }
            case OPENAI_RESPONSES -> {
                String url = model.render(spec.baseUrl(), "base_url").strip();
                yield new Adapter(asAgent(OpenAiResponsesSut.of(URI.create(url), apiKey(spec, model),
                        modelName(spec, endpoints, model), model.renderAll(spec.headers(), "headers"),
                        body(spec.body(), model))), url);
            }
            case ANTHROPIC_MESSAGES -> {
                String url = model.render(spec.baseUrl(), "base_url").strip();
                yield new Adapter(asAgent(AnthropicMessagesSut.of(URI.create(url), apiKey(spec, model),
                        modelName(spec, endpoints, model), spec.maxTokens(), model.renderAll(spec.headers(), "headers"),
                        body(spec.body(), model))), url);
            }
            case GEMINI -> {
                String url = model.render(spec.baseUrl(), "base_url").strip();
                yield new Adapter(asAgent(GeminiSut.of(URI.create(url), apiKey(spec, model),
                        modelName(spec, endpoints, model), model.renderAll(spec.headers(), "headers"),
                        body(spec.body(), model))), url);
            }
            case HTTP -> {
                HttpSut sut = HttpSut.of(spec.http(), spec.headers(), model);
                yield new Adapter(sut, sut.sampleUrl());
            }
            case COMMAND -> {
                CommandSpec command = spec.command();
                List<String> argv = renderList(command.argv(), "command.argv", model);
                Map<String, String> environment = new LinkedHashMap<>(worldEnvironment);
                environment.putAll(model.renderAll(command.environment(), "command.environment"));
                yield new Adapter(CommandSut.of(argv, command.prompt(), environment), null);
            }
            case REFERENCE -> throw new IllegalStateException("reference SUTs start in ReferenceSut");
        };
    }

    /**
     * A gateway speaking an LLM API, with the harness as its agent: a task's tool calls are run and their results
     * sent back ({@link ToolLoop}).
     */
    static ToolLoop asAgent(HttpDialectSut gateway) {
        return ToolLoop.over(gateway, TaskTools::run);
    }

    private static SutProcess startProcess(SutSpec spec, ProcessSpec processSpec, Map<String, String> worldEnvironment,
                                           WorldTemplateModel model, Path runDir, String adapterUrl) {
        List<String> command = renderList(processSpec.command(), "process.command", model);
        Map<String, String> environment = new LinkedHashMap<>(worldEnvironment);
        environment.putAll(model.renderAll(processSpec.environment(), "process.environment"));
        ReadinessProbe probe = probe(processSpec.ready(), adapterUrl, model);
        if (processSpec.configTemplate() != null) {
            renderConfig(processSpec.configTemplate(), model);
        }
        Path workingDir = processSpec.workingDir() == null ? runDir : processSpec.workingDir();
        SutProcess process = SutProcess.start(spec.name(), processSpec.command(), command, workingDir, environment, runDir,
                processSpec.stopGrace());
        probe.await(process, spec.name());
        return process;
    }

    private static ReadinessProbe probe(ReadinessCheck ready, String adapterUrl, WorldTemplateModel model) {
        if (ready == null) {
            if (adapterUrl == null) {
                throw new IllegalArgumentException("the SUT process needs a ready: check (http, tcp or log_line)");
            }
            return ReadinessProbe.tcpOf(adapterUrl, ReadinessCheck.DEFAULT_TIMEOUT);
        }
        String target = ready.kind() == ReadinessCheck.Kind.LOG_LINE
                ? ready.target() : model.render(ready.target(), "process.ready").strip();
        return new ReadinessProbe(ready.kind(), target, ready.timeout());
    }

    /** Renders the user's template into its private folder, atomically; returns where it went. */
    private static Path renderConfig(Path template, WorldTemplateModel model) {
        String text;
        try {
            text = Files.readString(template, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SutStartException("cannot read the SUT's config template " + template + ": " + e.getMessage(), e);
        }
        String rendered = model.render(text, template.getFileName().toString());
        Path target = Path.of(String.valueOf(model.values().get(WorldTemplateModel.CONFIG_FILE)));
        try {
            Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            Files.writeString(temporary, rendered, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SUT's config file " + target, e);
        }
        return target;
    }

    /** {@code gateway.yaml.mustache} renders to {@code gateway.yaml}; any other name is kept. */
    static String renderedName(Path template) {
        String name = template.getFileName().toString();
        return name.endsWith(".mustache") && name.length() > ".mustache".length()
                ? name.substring(0, name.length() - ".mustache".length()) : name;
    }

    private static String apiKey(SutSpec spec, WorldTemplateModel model) {
        return spec.apiKey() == null ? null : model.render(spec.apiKey(), "api_key");
    }

    /** The spec's model, else the world's first provider's first model. */
    private static String modelName(SutSpec spec, WorldEndpoints endpoints, WorldTemplateModel model) {
        if (spec.model() != null) {
            return model.render(spec.model(), "model");
        }
        return endpoints.providers().stream().map(ProviderEndpoint::models).filter(models -> !models.isEmpty())
                .map(List::getFirst).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("SUT '" + spec.name()
                        + "' names no model and the world has no provider model to default to; set model:"));
    }

    private static List<String> renderList(List<String> templates, String name, WorldTemplateModel model) {
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            rendered.add(model.render(templates.get(i), name + "[" + i + "]"));
        }
        return rendered;
    }

    /** The spec's extra body fields as JSON, every string in them rendered. */
    private static ObjectNode body(Map<String, Object> body, WorldTemplateModel model) {
        ObjectNode node = Mappers.json().valueToTree(body);
        renderStrings(node, "body", model);
        return node;
    }

    private static void renderStrings(JsonNode node, String path, WorldTemplateModel model) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> entry : entries) {
                String child = path + "." + entry.getKey();
                if (entry.getValue().isTextual()) {
                    object.set(entry.getKey(), new TextNode(model.render(entry.getValue().asText(), child)));
                } else {
                    renderStrings(entry.getValue(), child, model);
                }
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isTextual()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i,
                            new TextNode(model.render(item.asText(), path + "[" + i + "]")));
                } else {
                    renderStrings(item, path + "[" + i + "]", model);
                }
            }
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port for the SUT", e);
        }
    }

    private static void createFolder(Path runDir) {
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + runDir, e);
        }
    }
}
