package dev.brownout;

import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.internal.run.RunListener;
import dev.brownout.internal.run.RunRecord;
import dev.brownout.internal.run.RunStatus;
import dev.brownout.internal.world.ProxiedWorld;

import java.nio.file.Path;
import java.util.Optional;

/** Tells a user's {@link RunObserver} what the run engine tells its listeners, in public types only. */
record ObservingListener(RunObserver observer) implements RunListener {

    @Override
    public void started(Path folder, String scenario, String sut) {
        observer.started(folder, scenario, sut);
    }

    @Override
    public void phaseEntered(PhaseRecord phase, ProxiedWorld world) {
        observer.phaseEntered(phase.name(), phase.startedAt());
    }

    @Override
    public void progress(RunStatus status) {
        observer.progress(new RunProgress(status.phase(), status.elapsed(), status.total(), status.ok(), status.failed()));
    }

    @Override
    public void finished(RunRecord record) {
        observer.finished(record.completed() ? Optional.empty() : Optional.of(record.stopReason()));
    }
}
