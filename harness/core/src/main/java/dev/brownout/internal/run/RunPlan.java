package dev.brownout.internal.run;

import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.internal.sut.SutSpec;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.internal.world.RemoteWorld;
import dev.brownout.scenario.Scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What to play against what, and where to keep it.
 *
 * @param scenario       the scenario, already on its clock ({@link Scenario#scaled(double)})
 * @param out            the folder run folders are made in
 * @param tasksDirectory where a task file named by the scenario is looked up: the scenario file's folder
 * @param command        the command line that reproduces the run, recorded in its summary
 * @param warmup         wall-clock time of unmeasured load before the timeline starts, so a cold SUT and a
 *                       cold JVM do not count as the SUT's first phase; zero for none
 * @param faultProxy     starts the fault proxy each world of the run (baseline and chaos) is put behind
 * @param remoteWorld    a running world another process started, which every run of the plan drives instead of
 *                       starting its own; null to start one
 */
public record RunPlan(Scenario scenario, SutFactory sut, Path out, Path tasksDirectory, List<String> command,
                      RunListener listener, Duration warmup, Supplier<? extends FaultProxyBackend> faultProxy,
                      RemoteWorld remoteWorld) {

    public static final Path DEFAULT_OUT = Path.of("brownout-runs");
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(5);

    public RunPlan {
        Objects.requireNonNull(scenario, "a run needs a scenario");
        Objects.requireNonNull(sut, "a run needs a system under test");
        out = out == null ? DEFAULT_OUT : out;
        tasksDirectory = tasksDirectory == null ? Path.of("") : tasksDirectory;
        command = command == null ? List.of() : List.copyOf(command);
        listener = listener == null ? RunListener.NONE : listener;
        warmup = warmup == null ? DEFAULT_WARMUP : warmup;
        faultProxy = faultProxy == null ? FaultProxyBackend::embedded : faultProxy;
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("a warm-up cannot be negative, was " + warmup);
        }
    }

    public static RunPlan of(Scenario scenario, SutFactory sut) {
        return new RunPlan(scenario, sut, null, null, null, null, null, null, null);
    }

    /** Against the SUT a SUT file or {@code --sut} shorthand describes. */
    public static RunPlan of(Scenario scenario, SutSpec sut) {
        return of(scenario, SutFactory.of(sut));
    }

    public RunPlan withScenario(Scenario played) {
        return new RunPlan(played, sut, out, tasksDirectory, command, listener, warmup, faultProxy, remoteWorld);
    }

    public RunPlan withOut(Path folder) {
        return new RunPlan(scenario, sut, folder, tasksDirectory, command, listener, warmup, faultProxy, remoteWorld);
    }

    public RunPlan withTasksDirectory(Path folder) {
        return new RunPlan(scenario, sut, out, folder, command, listener, warmup, faultProxy, remoteWorld);
    }

    public RunPlan withCommand(List<String> line) {
        return new RunPlan(scenario, sut, out, tasksDirectory, line, listener, warmup, faultProxy, remoteWorld);
    }

    public RunPlan withWarmup(Duration length) {
        return new RunPlan(scenario, sut, out, tasksDirectory, command, listener, length, faultProxy, remoteWorld);
    }

    public RunPlan withFaultProxy(Supplier<? extends FaultProxyBackend> backend) {
        return new RunPlan(scenario, sut, out, tasksDirectory, command, listener, warmup, backend, remoteWorld);
    }

    /** Every run of the plan drives {@code world} rather than starting its own. */
    public RunPlan withRemoteWorld(RemoteWorld world) {
        return new RunPlan(scenario, sut, out, tasksDirectory, command, listener, warmup, faultProxy, world);
    }

    /** Starts the world of {@code config} behind a fresh fault proxy, or attaches to the plan's remote world. */
    ProxiedWorld openWorld(WorldConfig config) {
        return remoteWorld != null ? ProxiedWorld.attach(remoteWorld, config) : ProxiedWorld.start(config, faultProxy.get());
    }

    public RunPlan withListener(RunListener watcher) {
        return new RunPlan(scenario, sut, out, tasksDirectory, command, watcher, warmup, faultProxy, remoteWorld);
    }
}
