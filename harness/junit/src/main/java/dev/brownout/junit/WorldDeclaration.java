package dev.brownout.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a test's world is declared: a {@link WithBrownoutWorld} annotation, or a {@code @RegisterExtension}
 * field holding a {@link BrownoutExtension}, on the test class or on one of the classes it is nested in. The
 * nearest declaration wins, so a {@code @Nested} class may declare a world of its own.
 *
 * @param declaredOn the test class (or enclosing class) the declaration was found on; its context holds a
 *                   per-class world
 * @param source     the annotation or the field
 * @param origin     how messages name the declaration
 * @param settings   what it asks for; null for an instance field read before its test instance exists
 * @param declarer   the extension instance in the field, or null for an annotation
 */
record WorldDeclaration(Class<?> declaredOn, Object source, String origin, WorldSettings settings, BrownoutExtension declarer) {

    /** Identifies a declaration's worlds in a store. */
    record Key(Class<?> declaredOn, Object source) {
    }

    Key key() {
        return new Key(declaredOn, source);
    }

    WorldLifecycle lifecycle() {
        return source instanceof Field field
                ? (Modifier.isStatic(field.getModifiers()) ? WorldLifecycle.PER_CLASS : WorldLifecycle.PER_TEST)
                : settings.lifecycle();
    }

    Optional<BrownoutExtension> extension() {
        return Optional.ofNullable(declarer);
    }

    /** The declaration that applies to the context's test class, if any. */
    static Optional<WorldDeclaration> nearest(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        if (testClass.isEmpty()) {
            return Optional.empty();
        }
        List<Class<?>> classes = new ArrayList<>();
        classes.add(testClass.get());
        classes.addAll(context.getEnclosingTestClasses().reversed());
        for (Class<?> type : classes) {
            Optional<WorldDeclaration> found = on(type, context);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<WorldDeclaration> on(Class<?> type, ExtensionContext context) {
        Optional<WithBrownoutWorld> annotation = AnnotationSupport.findAnnotation(type, WithBrownoutWorld.class);
        List<Field> fields = ReflectionSupport.findFields(type, WorldDeclaration::mayHoldTheExtension, HierarchyTraversalMode.TOP_DOWN);
        List<WorldDeclaration> found = new ArrayList<>();
        annotation.ifPresent(a -> found.add(new WorldDeclaration(type, a, describe(a, type), WorldSettings.of(a), null)));
        for (Field field : fields) {
            fromField(type, field, context).ifPresent(found::add);
        }
        if (found.size() > 1) {
            throw new ExtensionConfigurationException(type.getName() + " declares " + found.size() + " Brownout worlds ("
                    + String.join("; ", found.stream().map(WorldDeclaration::origin).toList())
                    + "); a test class declares one, and a @Nested class may declare its own");
        }
        return found.stream().findFirst();
    }

    private static boolean mayHoldTheExtension(Field field) {
        return field.isAnnotationPresent(RegisterExtension.class) && field.getType().isAssignableFrom(BrownoutExtension.class);
    }

    private static Optional<WorldDeclaration> fromField(Class<?> type, Field field, ExtensionContext context) {
        boolean isStatic = Modifier.isStatic(field.getModifiers());
        Optional<Object> holder = isStatic ? Optional.empty()
                : context.getTestInstances().flatMap(instances -> instances.findInstance(field.getDeclaringClass())).map(Object.class::cast);
        if (!isStatic && holder.isEmpty()) {
            // an instance field before its test instance exists: a world per test, its settings not readable yet
            return field.getType() == BrownoutExtension.class
                    ? Optional.of(new WorldDeclaration(type, field, describe(field), null, null))
                    : Optional.empty();
        }
        Object value = ReflectionSupport.tryToReadFieldValue(field, holder.orElse(null)).toOptional().orElse(null);
        if (!(value instanceof BrownoutExtension extension)) {
            return Optional.empty();
        }
        WorldSettings settings = extension.settings()
                .map(s -> s.withLifecycle(isStatic ? WorldLifecycle.PER_CLASS : WorldLifecycle.PER_TEST))
                .orElse(null);
        return settings == null ? Optional.empty()
                : Optional.of(new WorldDeclaration(type, field, describe(field) + " (scenario " + settings.scenario() + ")", settings, extension));
    }

    private static String describe(WithBrownoutWorld annotation, Class<?> type) {
        return "@WithBrownoutWorld(scenario = \"" + annotation.scenario() + "\") on " + type.getName();
    }

    private static String describe(Field field) {
        return "the BrownoutExtension in field " + field.getDeclaringClass().getName() + "." + field.getName();
    }
}
