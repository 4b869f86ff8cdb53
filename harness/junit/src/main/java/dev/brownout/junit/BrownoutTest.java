package dev.brownout.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that plays a measured run of a scenario against a system under test before its body, and takes the
 * result as a {@link dev.brownout.BrownoutRun} or {@link dev.brownout.reports.RunResult} parameter:
 *
 * <pre>{@code
 * @BrownoutTest(scenario = "primary-hard-down", sut = "openai-chat=http://127.0.0.1:8787/v1", timeScale = 0.1)
 * void failsOverWithinTenSeconds(BrownoutRun run) {
 *     assertThat(run.passed()).as("gates of %s", run.reportHtml()).isTrue();
 * }
 * }</pre>
 *
 * <p>The run plays after the {@code @BeforeEach} methods (or when one of them takes its result). Its folder is
 * made under the root named by the JUnit configuration parameter {@code brownout.output} (default
 * {@code target/brownout-runs} when the working directory has a {@code target} folder, else
 * {@code brownout-runs}), in a folder per test class and method. When the test body fails, the failure's
 * message ends with the path of the run's {@code report.html}, which is also published as a file entry and as
 * the report entry {@code brownout.report}. A run that never started (the system under test could not start)
 * fails the test with the cause and the path of the run folder's {@code error.txt}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(BrownoutExtension.class)
public @interface BrownoutTest {

    /**
     * The scenario: the name of a shipped one, a scenario file (relative to the working directory), or a class
     * path resource ({@code classpath:/scenarios/my-outage.yaml}).
     */
    String scenario();

    /**
     * The system under test, as the command line's {@code --sut} takes it: {@code openai-chat=URL},
     * {@code openai-responses=URL}, {@code anthropic-messages=URL}, {@code gemini=URL}, {@code reference:resilient},
     * {@code reference:naive} or a SUT file.
     */
    String sut();

    /** Plays the scenario on a clock this many times as long: 0.05 plays a 4-minute scenario in 12 s. Default 1. */
    double timeScale() default 1;

    /** Sends this share of the scenario's load (above 0, at most 1). Default 1. */
    double loadScale() default 1;

    /** {@code auto} (the default: the same run without faults, played first), {@code none}, or the path of a stored {@code result.json}. */
    String baseline() default "auto";

    /** Unmeasured load sent before each timeline, e.g. {@code 0s} or {@code 2s}; empty for the library's default of 5 s. */
    String warmup() default "";

    /** The fault proxy in front of every fake: the embedded one (the default) or the real Toxiproxy image. */
    FaultProxy faultProxy() default FaultProxy.EMBEDDED;
}
