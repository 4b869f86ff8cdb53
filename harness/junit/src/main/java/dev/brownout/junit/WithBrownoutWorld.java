package dev.brownout.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a scenario's fake world for the annotated test class — its providers and OAuth server, each behind its
 * own fault proxy on free loopback ports — and injects it into test, lifecycle and constructor parameters of type
 * {@link dev.brownout.BrownoutWorld}, {@link dev.brownout.WorldProvider} (see {@link ProviderName}) and
 * {@link dev.brownout.WorldOAuth}. Before each test every fault is cleared and every ledger starts afresh, then
 * {@link InPhase} enters a phase if the test asks for one.
 *
 * <pre>{@code
 * @WithBrownoutWorld(scenario = "oauth-outage")
 * class GatewayFailoverTest {
 *     @Test
 *     @InPhase("oauth-down")
 *     void fallsBackToTheApiKeyProvider(BrownoutWorld world, @ProviderName("backup") WorldProvider backup) { ... }
 * }
 * }</pre>
 *
 * <p>{@code @Nested} classes share the world of the class that declares it, unless they declare their own.
 * Each test class keeps its world in JUnit's extension store, so test classes run in parallel each get their
 * own world on their own ports. To hand the world's addresses to a Spring context, register the extension in a
 * static field instead ({@link BrownoutExtension#newInstance()}) and read {@link BrownoutExtension#world()}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BrownoutExtension.class)
public @interface WithBrownoutWorld {

    /**
     * The scenario: the name of a shipped one ({@code oauth-outage}), a scenario file (relative to the working
     * directory), or a class path resource ({@code classpath:/scenarios/my-outage.yaml}).
     */
    String scenario();

    /** One world for the class (the default) or one per test. */
    WorldLifecycle lifecycle() default WorldLifecycle.PER_CLASS;

    /**
     * Whether every fault is cleared and every ledger restarted before each test (the default). Off, what a test
     * set stays set for the next one; a world per test always starts clean.
     */
    boolean resetBeforeEach() default true;

    /** The fault proxy in front of every fake: the embedded one (the default) or the real Toxiproxy image. */
    FaultProxy faultProxy() default FaultProxy.EMBEDDED;
}
