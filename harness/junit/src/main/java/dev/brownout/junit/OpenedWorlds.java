package dev.brownout.junit;

import dev.brownout.Brownout;
import dev.brownout.BrownoutWorld;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.scenario.Scenario;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The worlds started in one extension context (a test class or a test), in its store. They are closed by
 * {@link BrownoutExtension}'s after-callbacks and, should those not run, by JUnit when it closes the store.
 */
final class OpenedWorlds implements AutoCloseable {

    private final Map<WorldDeclaration.Key, RunningWorld> worlds = new LinkedHashMap<>();

    /** The worlds of {@code context} itself, not of the contexts around it. */
    static OpenedWorlds in(ExtensionContext context) {
        return context.getStore(BrownoutExtension.NAMESPACE)
                .getOrComputeIfAbsent(new Local(context.getUniqueId()), key -> new OpenedWorlds(), OpenedWorlds.class);
    }

    /** Already started worlds of {@code context}, if it has any, without making a place for them. */
    static Optional<OpenedWorlds> existingIn(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(BrownoutExtension.NAMESPACE)
                .get(new Local(context.getUniqueId()), OpenedWorlds.class));
    }

    /** The declaration's world in this context, started now if it is not running yet. */
    synchronized RunningWorld startIfAbsent(WorldDeclaration declaration) {
        RunningWorld running = worlds.get(declaration.key());
        if (running == null) {
            running = start(declaration);
            worlds.put(declaration.key(), running);
        }
        return running;
    }

    private static RunningWorld start(WorldDeclaration declaration) {
        WorldSettings settings = declaration.settings();
        Scenario scenario = settings.scenario().load(declaration.origin());
        Supplier<FaultProxyBackend> backends = FaultProxies.backends(settings.faultProxy(), declaration.origin());
        BrownoutWorld world = settings.faultProxy() == FaultProxy.EMBEDDED
                ? Brownout.world(scenario) // the embedded proxy the library picks itself
                : Brownout.world(scenario, backends.get());
        return new RunningWorld(world, declaration);
    }

    /** Closes every world of this context, the last started first; closing again does nothing. */
    @Override
    public void close() {
        List<RunningWorld> closing;
        synchronized (this) {
            closing = new ArrayList<>(worlds.values());
            worlds.clear();
        }
        RuntimeException failure = null;
        for (RunningWorld world : closing.reversed()) {
            try {
                world.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Scoped to one context's id, since a store lookup also searches the stores of the enclosing contexts. */
    private record Local(String contextId) {
    }
}
