package dev.brownout.junit;

import dev.brownout.Baseline;
import dev.brownout.BrownoutRun;
import dev.brownout.RunBuilder;
import dev.brownout.RunNotStartedException;
import dev.brownout.Sut;
import dev.brownout.fakes.config.DurationText;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The measured run of one {@link BrownoutTest} method, kept in the test's extension store: played once, when the
 * test body is about to run or a parameter first asks for it; a failure to play is kept and thrown again.
 */
final class MeasuredTestRun {

    private static final String ERROR_FILE = "error.txt";

    private final ExtensionContext context;
    private final BrownoutTest test;
    private final String origin;
    private BrownoutRun played;
    /** A RuntimeException, or the AssertionFailedError of a run that never started. */
    private Throwable failure;

    private MeasuredTestRun(ExtensionContext context, BrownoutTest test) {
        this.context = context;
        this.test = test;
        this.origin = "@BrownoutTest on " + context.getRequiredTestClass().getName() + "." + context.getRequiredTestMethod().getName();
    }

    /** The run of the context's test, when the test is a {@link BrownoutTest}. */
    static Optional<MeasuredTestRun> of(ExtensionContext context) {
        Optional<BrownoutTest> test = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, BrownoutTest.class));
        return test.map(annotation -> context.getStore(BrownoutExtension.NAMESPACE)
                .getOrComputeIfAbsent(new Key(context.getUniqueId()), key -> new MeasuredTestRun(context, annotation), MeasuredTestRun.class));
    }

    /** Plays the run the first time it is asked for; later calls return it, or throw the same failure. */
    synchronized BrownoutRun play() {
        if (played != null) {
            return played;
        }
        if (failure != null) {
            throw rethrown(failure);
        }
        try {
            played = setUp().run();
            return played;
        } catch (RunNotStartedException e) {
            AssertionFailedError notStarted = notStarted(e);
            failure = notStarted;
            throw notStarted;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }

    /** The run, once it has played. */
    synchronized Optional<BrownoutRun> played() {
        return Optional.ofNullable(played);
    }

    /** Whether {@code thrown} is, or was caused by, this run's failure to play. */
    synchronized boolean isFailureToPlay(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause == failure) {
                return true;
            }
        }
        return false;
    }

    /** Throws the failure to play again, as it was first thrown. */
    synchronized void rethrowFailureToPlay() {
        if (failure != null) {
            throw rethrown(failure);
        }
    }

    private RunBuilder setUp() {
        RunBuilder run = ScenarioChoice.named(test.scenario()).measuredRun(origin);
        if (test.faultProxy() != FaultProxy.EMBEDDED) {
            run.faultProxy(FaultProxies.backends(test.faultProxy(), origin));
        }
        attribute("timeScale", Double.toString(test.timeScale()), () -> run.timeScale(test.timeScale()));
        attribute("loadScale", Double.toString(test.loadScale()), () -> run.loadScale(test.loadScale()));
        attribute("sut", test.sut(), () -> run.against(Sut.parse(test.sut())));
        attribute("baseline", test.baseline(), () -> run.baseline(Baseline.parse(test.baseline())));
        if (!test.warmup().isEmpty()) {
            attribute("warmup", test.warmup(), () -> run.warmup(DurationText.parse(test.warmup())));
        }
        run.outputTo(RunFolders.forTest(context));
        return run;
    }

    private void attribute(String name, String value, Runnable set) {
        try {
            set.run();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(origin + ": " + name + " = \"" + value + "\": " + e.getMessage(), e);
        }
    }

    private AssertionFailedError notStarted(RunNotStartedException e) {
        Optional<Path> errorFile = errorFile(e.run().folder());
        String said = e.getMessage();
        // the library's message usually names error.txt already; say where it is only when it does not
        String where = errorFile.filter(file -> !said.contains(file.toString()))
                .map(file -> "; the full cause is in " + file.toAbsolutePath()).orElse("");
        return new AssertionFailedError(origin + ": " + said + where, e);
    }

    /** The run folder's error.txt, or the first one below it (a baseline's own folder). */
    private static Optional<Path> errorFile(Path folder) {
        Path direct = folder.resolve(ERROR_FILE);
        if (Files.isRegularFile(direct)) {
            return Optional.of(direct);
        }
        try (Stream<Path> files = Files.walk(folder, 3)) {
            return files.filter(file -> file.getFileName().toString().equals(ERROR_FILE)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private record Key(String contextId) {
    }
}
