package dev.brownout.internal.run;

import dev.brownout.internal.measure.WorldSecrets;
import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.internal.world.ProxiedWorld;

import java.nio.file.Path;
import java.util.List;

/**
 * Passes every event on to the run's own listener, and keeps the world's secrets once the world is up: the
 * security scan and the redaction need them after the world is gone, and no record of the run may hold them.
 */
final class SecretsCapture implements RunListener {

    private final RunListener delegate;
    private volatile WorldSecrets secrets;

    SecretsCapture(RunListener delegate) {
        this.delegate = delegate;
    }

    /** The world's secrets, or none when no world ever started. */
    WorldSecrets secrets() {
        WorldSecrets known = secrets;
        return known == null ? WorldSecrets.of(List.of()) : known;
    }

    @Override
    public void started(Path folder, String scenario, String sut) {
        delegate.started(folder, scenario, sut);
    }

    @Override
    public void worldStarted(ProxiedWorld world) {
        if (secrets == null) {
            secrets = WorldSecrets.of(world.endpoints());
        }
        delegate.worldStarted(world);
    }

    @Override
    public void phaseEntered(PhaseRecord phase, ProxiedWorld world) {
        delegate.phaseEntered(phase, world);
    }

    @Override
    public void progress(RunStatus status) {
        delegate.progress(status);
    }

    @Override
    public void finished(RunRecord record) {
        delegate.finished(record);
    }
}
