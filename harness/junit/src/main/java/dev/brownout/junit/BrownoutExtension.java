package dev.brownout.junit;

import dev.brownout.BrownoutRun;
import dev.brownout.BrownoutWorld;
import dev.brownout.WorldOAuth;
import dev.brownout.WorldProvider;
import dev.brownout.reports.RunResult;
import dev.brownout.scenario.Scenario;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JUnit Jupiter extension behind {@link WithBrownoutWorld} and {@link BrownoutTest}, and the way to register
 * a world in a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static BrownoutExtension brownout = BrownoutExtension.newInstance().scenario("oauth-outage").build();
 *
 * @DynamicPropertySource
 * static void world(DynamicPropertyRegistry registry) {
 *     registry.add("llm.primary.base-url", () -> brownout.world().provider("primary").baseUrl());
 * }
 * }</pre>
 *
 * <p>A static field gives one world for the test class (started before its {@code @BeforeAll} methods, and before
 * its test instance is made), an instance field one world per test. Either way the world is injected into
 * parameters as {@link WithBrownoutWorld} describes, is reset before each test unless
 * {@link Builder#keepFaultsBetweenTests()} says otherwise, and lives in JUnit's extension store, so that test
 * classes run in parallel never share one.
 */
public final class BrownoutExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        TestInstancePreConstructCallback, ParameterResolver, InvocationInterceptor, TestExecutionExceptionHandler {

    static final Namespace NAMESPACE = Namespace.create(BrownoutExtension.class);

    /** The key of the report entry a failed {@link BrownoutTest} publishes with the path of its report. */
    static final String REPORT_ENTRY = "brownout.report";

    private static final Set<Class<?>> INJECTED = Set.of(BrownoutWorld.class, WorldProvider.class, WorldOAuth.class,
            BrownoutRun.class, RunResult.class);
    private static final String HOW_TO_DECLARE = "annotate the class with @WithBrownoutWorld(scenario = \"...\"), or "
            + "register one with @RegisterExtension static BrownoutExtension brownout = "
            + "BrownoutExtension.newInstance().scenario(\"...\").build()";

    /** Null for an instance JUnit made for an annotation: those read their settings from the annotations. */
    private final WorldSettings settings;
    private final Set<RunningWorld> running = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    /** For JUnit, which makes an instance for {@code @ExtendWith} and the annotations that carry it. */
    BrownoutExtension() {
        this(null);
    }

    private BrownoutExtension(WorldSettings settings) {
        this.settings = settings;
    }

    /** Starts building an extension to register with {@code @RegisterExtension}; {@link Builder#scenario(String)} is required. */
    public static Builder newInstance() {
        return new Builder();
    }

    /**
     * The world this extension started and has not closed yet: the test class's for a static field, the current
     * test's for an instance field. Safe to call from lazy suppliers that run once the class has started, such as
     * those of Spring's {@code @DynamicPropertySource}.
     *
     * @throws IllegalStateException before the world has started or after it has closed, or when this one
     *                               extension serves several test classes running at once (a static field
     *                               inherited by parallel subclasses), each time saying which
     */
    public BrownoutWorld world() {
        String scenario = settings == null ? "a @WithBrownoutWorld annotation" : "scenario " + settings.scenario();
        List<RunningWorld> now = List.copyOf(running);
        if (now.size() == 1) {
            return now.getFirst().world();
        }
        if (now.isEmpty() && started) {
            throw new IllegalStateException("the world of " + scenario + " has closed with the test class or test it "
                    + "belonged to; read BrownoutExtension.world() only while those tests run");
        }
        if (now.isEmpty()) {
            throw new IllegalStateException("the world of " + scenario + " has not started yet: a static "
                    + "@RegisterExtension field starts it before the test class's @BeforeAll methods and test instance, an "
                    + "instance field before each test; read world() from then on (a lazy supplier, such as those of "
                    + "@DynamicPropertySource, is fine), not in a static initializer or field");
        }
        throw new IllegalStateException("this BrownoutExtension (" + scenario + ") has " + now.size() + " worlds open "
                + "at once, one for each test class running in parallel (" + String.join(", ", now.stream()
                .map(world -> world.declaration().declaredOn().getName()).toList())
                + "); take the world as a test parameter, which is always the current class's");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (leads(context)) {
            startClassWorld(context);
        }
    }

    /** So that a test instance (Spring's processing of it, with {@code @TestInstance(PER_CLASS)}) finds the world up. */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        if (leads(context)) {
            startClassWorld(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!leads(context)) {
            return;
        }
        Method test = context.getRequiredTestMethod();
        Optional<InPhase> phase = AnnotationSupport.findAnnotation(test, InPhase.class);
        Optional<WorldDeclaration> declaration = WorldDeclaration.nearest(context);
        if (declaration.isEmpty()) {
            phase.ifPresent(p -> {
                throw new ExtensionConfigurationException("@InPhase(\"" + p.value() + "\") on " + name(test)
                        + " enters a phase of a world, and none is declared for " + context.getRequiredTestClass().getName()
                        + ": " + HOW_TO_DECLARE);
            });
            return;
        }
        WorldDeclaration declared = declaration.get();
        RunningWorld world;
        if (declared.lifecycle() == WorldLifecycle.PER_CLASS) {
            world = classWorld(declared, context);
            if (declared.settings().resetBeforeEach()) {
                world.world().reset();
            }
        } else {
            world = OpenedWorlds.in(context).startIfAbsent(declared);
        }
        phase.ifPresent(p -> enter(world, p, test));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        OpenedWorlds.existingIn(context).ifPresent(OpenedWorlds::close);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // closed here rather than left to the store, which closes AutoCloseable values only while
        // junit.jupiter.extensions.store.close.autocloseable.enabled is on
        OpenedWorlds.existingIn(context).ifPresent(OpenedWorlds::close);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        // every type of ours is claimed, so that a misconfigured test gets an answer from us rather than JUnit's
        // "no ParameterResolver"; only the first instance of the extension in a context answers
        return INJECTED.contains(parameter.getParameter().getType()) && leads(context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == BrownoutRun.class) {
            return measuredRun(parameter, context).play();
        }
        if (type == RunResult.class) {
            return measuredRun(parameter, context).play().result();
        }
        BrownoutWorld world = worldFor(parameter, context).world();
        if (type == WorldOAuth.class) {
            try {
                return world.oauth();
            } catch (IllegalStateException e) {
                throw new ParameterResolutionException(describe(parameter) + ": " + e.getMessage(), e);
            }
        }
        if (type == WorldProvider.class) {
            return provider(world, parameter);
        }
        return world;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        if (leads(context)) {
            MeasuredTestRun.of(context).ifPresent(MeasuredTestRun::play);
        }
        invocation.proceed();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (!leads(context)) {
            throw thrown;
        }
        Optional<MeasuredTestRun> measured = MeasuredTestRun.of(context);
        if (measured.isEmpty()) {
            throw thrown;
        }
        if (measured.get().isFailureToPlay(thrown)) {
            // told as it was, not as JUnit's "failed to resolve parameter", and an abort stays an abort
            measured.get().rethrowFailureToPlay();
        }
        Optional<BrownoutRun> played = measured.get().played();
        if (thrown instanceof TestAbortedException || played.isEmpty()) {
            throw thrown;
        }
        Path report = played.get().reportHtml();
        Throwable failure = ReportedFailure.of(thrown, report);
        publish(context, report, failure);
        throw failure;
    }

    Optional<WorldSettings> settings() {
        return Optional.ofNullable(settings);
    }

    void attach(RunningWorld world) {
        running.add(world);
        started = true;
    }

    void detach(RunningWorld world) {
        running.remove(world);
    }

    /**
     * Whether this instance acts for the context. Several instances can meet in one context (a field and an
     * annotation on a {@code @Nested} class, say); the first one JUnit calls there acts, so that nothing is done
     * twice and no parameter has two resolvers.
     */
    private boolean leads(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(new Lead(context.getUniqueId()), key -> this,
                BrownoutExtension.class) == this;
    }

    private static void startClassWorld(ExtensionContext context) {
        WorldDeclaration.nearest(context)
                .filter(declared -> declared.lifecycle() == WorldLifecycle.PER_CLASS)
                .ifPresent(declared -> classWorld(declared, context));
    }

    private static RunningWorld classWorld(WorldDeclaration declared, ExtensionContext context) {
        return OpenedWorlds.in(contextOf(declared.declaredOn(), context)).startIfAbsent(declared);
    }

    /** The context of the class a declaration was found on: the test class's own, or an enclosing one's. */
    private static ExtensionContext contextOf(Class<?> declaredOn, ExtensionContext context) {
        for (ExtensionContext at = context; at != null; at = at.getParent().orElse(null)) {
            if (at.getElement().filter(declaredOn::equals).isPresent()) {
                return at;
            }
        }
        return context;
    }

    private static RunningWorld worldFor(ParameterContext parameter, ExtensionContext context) {
        WorldDeclaration declared = WorldDeclaration.nearest(context).orElseThrow(() -> new ParameterResolutionException(
                describe(parameter) + ": no Brownout world is declared for " + context.getRequiredTestClass().getName()
                        + ": " + HOW_TO_DECLARE));
        if (declared.lifecycle() == WorldLifecycle.PER_CLASS) {
            return classWorld(declared, context);
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(describe(parameter) + ": " + declared.origin() + " starts a world per "
                    + "test, before each test's @BeforeEach methods, so only test methods and @BeforeEach and @AfterEach "
                    + "methods can take it; a world per class (a static field, or lifecycle = PER_CLASS) can be taken earlier");
        }
        return OpenedWorlds.in(context).startIfAbsent(declared);
    }

    private static WorldProvider provider(BrownoutWorld world, ParameterContext parameter) {
        Optional<ProviderName> named = parameter.findAnnotation(ProviderName.class);
        if (named.isPresent()) {
            try {
                return world.provider(named.get().value());
            } catch (IllegalArgumentException e) {
                throw new ParameterResolutionException(describe(parameter) + ": @ProviderName(\"" + named.get().value()
                        + "\"): " + e.getMessage(), e);
            }
        }
        List<WorldProvider> providers = world.providers();
        if (providers.size() != 1) {
            throw new ParameterResolutionException(describe(parameter) + ": the world of " + world.name() + " has "
                    + providers.size() + " providers (" + String.join(", ", providers.stream().map(WorldProvider::name).toList())
                    + "); say which with @ProviderName(\"" + providers.getFirst().name() + "\")");
        }
        return providers.getFirst();
    }

    private static MeasuredTestRun measuredRun(ParameterContext parameter, ExtensionContext context) {
        return MeasuredTestRun.of(context).orElseThrow(() -> new ParameterResolutionException(describe(parameter)
                + ": a " + parameter.getParameter().getType().getSimpleName() + " is the result of a measured run, which "
                + "only a test annotated @BrownoutTest(scenario = ..., sut = ...) plays"));
    }

    private static void enter(RunningWorld world, InPhase phase, Method test) {
        try {
            world.world().enter(phase.value());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@InPhase(\"" + phase.value() + "\") on " + name(test) + ": "
                    + e.getMessage(), e);
        }
    }

    private static void publish(ExtensionContext context, Path report, Throwable failure) {
        try {
            context.publishReportEntry(REPORT_ENTRY, report.toAbsolutePath().toString());
            context.publishFile(report.getFileName().toString(), MediaType.create("text", "html", StandardCharsets.UTF_8),
                    target -> Files.copy(report, target, StandardCopyOption.REPLACE_EXISTING));
        } catch (RuntimeException e) {
            // the failure and the path in its message matter more than the attachment
            failure.addSuppressed(e);
        }
    }

    private static String describe(ParameterContext parameter) {
        Executable executable = parameter.getDeclaringExecutable();
        String owner = executable instanceof Constructor<?> ? executable.getDeclaringClass().getName() + " constructor"
                : executable.getDeclaringClass().getName() + "." + executable.getName();
        return "parameter " + parameter.getParameter().getType().getSimpleName() + " " + parameter.getParameter().getName()
                + " of " + owner;
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }

    private record Lead(String contextId) {
    }

    /**
     * The settings of an extension to register with {@code @RegisterExtension}: the scenario (required), whether
     * to keep faults between tests, and the fault proxy. Whether there is a world per class or per test follows
     * from the field: static or not.
     */
    public static final class Builder {

        private ScenarioChoice scenario;
        private boolean resetBeforeEach = true;
        private FaultProxy faultProxy = FaultProxy.EMBEDDED;

        private Builder() {
        }

        /**
         * The scenario: the name of a shipped one, a scenario file (relative to the working directory), or a class
         * path resource ({@code classpath:/scenarios/my-outage.yaml}). It is read when the world starts, and a
         * problem with it fails the test class then, naming this field.
         */
        public Builder scenario(String nameOrFile) {
            this.scenario = ScenarioChoice.named(Objects.requireNonNull(nameOrFile,
                    "a scenario: the name of a shipped one, a scenario file, or classpath:/path/in/resources.yaml"));
            return this;
        }

        /** A scenario built or changed in code. */
        public Builder scenario(Scenario built) {
            this.scenario = ScenarioChoice.of(Objects.requireNonNull(built, "a scenario"));
            return this;
        }

        /** Leaves faults a test set (and the ledgers) as they are for the next test, instead of resetting the world. */
        public Builder keepFaultsBetweenTests() {
            this.resetBeforeEach = false;
            return this;
        }

        /** The fault proxy in front of every fake; default {@link FaultProxy#EMBEDDED}. */
        public Builder faultProxy(FaultProxy proxy) {
            this.faultProxy = Objects.requireNonNull(proxy, "a fault proxy: FaultProxy.EMBEDDED or FaultProxy.CONTAINER");
            return this;
        }

        /**
         * The extension, for a {@code @RegisterExtension} field.
         *
         * @throws IllegalStateException when no scenario was given
         */
        public BrownoutExtension build() {
            if (scenario == null) {
                throw new IllegalStateException("BrownoutExtension.newInstance() needs a scenario: .scenario(\"oauth-outage\") "
                        + "(a shipped one), a scenario file, classpath:/path/in/resources.yaml, or a Scenario built in code");
            }
            return new BrownoutExtension(new WorldSettings(scenario, WorldLifecycle.PER_CLASS, resetBeforeEach, faultProxy));
        }
    }
}
