package dev.brownout.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema is written by hand; these tests keep it from drifting away from the records. */
class RunResultSchemaDriftTest {

    private static final Map<String, JsonNode> OBJECTS = SchemaProperties.objects();
    private static final JsonNode DEFS = SchemaProperties.schema().path("$defs");

    @Test
    void everyRecordComponentIsASchemaPropertyAndViceVersa() {
        for (Class<?> record : reachable(true)) {
            JsonNode object = OBJECTS.get(definitionName(record));
            assertThat(object).as("the schema defines an object for record %s", record.getSimpleName()).isNotNull();

            List<String> components = Arrays.stream(record.getRecordComponents())
                    .map(component -> snakeCase(component.getName())).toList();
            assertThat(SchemaProperties.names(object.path("properties")))
                    .as("properties of %s in the schema against its record components in snake_case",
                            record.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(components);
        }
    }

    @Test
    void everySchemaObjectIsARecord() {
        Set<String> records = new LinkedHashSet<>();
        reachable(true).forEach(record -> records.add(definitionName(record)));

        assertThat(OBJECTS.keySet()).as("objects the schema defines, against the records reachable from RunResult")
                .containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void everyEnumListsExactlyTheLabelsJacksonWrites() {
        for (Class<?> type : reachable(false)) {
            JsonNode definition = DEFS.path(type.getSimpleName());
            List<String> labels = Arrays.stream(type.getEnumConstants())
                    .map(constant -> RunResults.mapper().convertValue(constant, String.class)).toList();

            assertThat(SchemaProperties.texts(definition.path("enum")))
                    .as("the schema's values for enum %s", type.getSimpleName())
                    .containsExactlyElementsOf(labels);
        }
    }

    @Test
    void everyPropertyHasTheTypeItsComponentHas() {
        List<String> mismatches = new ArrayList<>();
        for (Class<?> record : reachable(true)) {
            JsonNode properties = OBJECTS.get(definitionName(record)).path("properties");
            for (RecordComponent component : record.getRecordComponents()) {
                String name = snakeCase(component.getName());
                String expected = schemaShape(component.getGenericType());
                String actual = shape(properties.path(name));
                if (!expected.equals(actual)) {
                    mismatches.add(record.getSimpleName() + "." + name + ": component " + component.getGenericType()
                            .getTypeName() + " wants " + expected + ", the schema has " + actual);
                }
            }
        }
        assertThat(mismatches).as("schema properties whose type does not match their record component").isEmpty();
    }

    /** How a component's Java type must look in the schema; boxed numbers are the nullable ones. */
    private static String schemaShape(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (List.class.equals(raw)) {
                return "array of " + schemaShape(parameterized.getActualTypeArguments()[0]);
            }
            if (Map.class.equals(raw)) {
                return "map of " + schemaShape(parameterized.getActualTypeArguments()[1]);
            }
            throw new AssertionError("no schema shape for " + type);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == int.class || cls == long.class) {
            return "integer";
        }
        if (cls == double.class) {
            return "number";
        }
        if (cls == boolean.class) {
            return "boolean";
        }
        if (cls == Long.class || cls == Integer.class) {
            return "integer|null";
        }
        if (cls == Double.class) {
            return "number|null";
        }
        if (cls == Instant.class) {
            return "date-time";
        }
        if (cls == String.class) {
            return "string";
        }
        if (cls.isRecord() || cls.isEnum()) {
            return "ref " + cls.getSimpleName();
        }
        throw new AssertionError("no schema shape for " + type);
    }

    /**
     * A property's shape in the same terms; a string or a reference may also be nullable or constrained (enum,
     * const), which the record's type cannot say, so those count as the plain type.
     */
    private static String shape(JsonNode property) {
        if (property.isMissingNode()) {
            return "missing";
        }
        if (property.has("$ref")) {
            return "ref " + property.get("$ref").asText().replace("#/$defs/", "");
        }
        if (property.has("if") && property.has("then")
                && "null".equals(property.get("if").path("not").path("type").asText())) {
            // nullable, written as "unless null, then ..." so a wrong value gets one error, not one per branch
            return shape(property.get("then"));
        }
        if (property.has("anyOf")) {
            JsonNode options = property.get("anyOf");
            if (options.size() == 2 && "null".equals(options.get(1).path("type").asText())) {
                return shape(options.get(0));
            }
            return "anyOf?";
        }
        if (property.has("const")) {
            return property.get("const").isTextual() ? "string" : "const?";
        }
        JsonNode type = property.path("type");
        String types = type.isArray() ? String.join("|", SchemaProperties.texts(type)) : type.asText();
        return switch (types) {
            case "string", "string|null" -> "date-time".equals(property.path("format").asText()) ? "date-time" : "string";
            case "array" -> "array of " + shape(property.path("items"));
            case "object" -> "map of " + shape(property.path("additionalProperties"));
            default -> types;
        };
    }

    /** The records (or enums) reachable from RunResult through its components, lists and maps. */
    private static Set<Class<?>> reachable(boolean records) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Type> pending = new ArrayDeque<>(List.of(RunResult.class));
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType parameterized) {
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> cls && (cls.isRecord() || cls.isEnum()) && seen.add(cls) && cls.isRecord()) {
                Arrays.stream(cls.getRecordComponents()).map(RecordComponent::getGenericType).forEach(pending::add);
            }
        }
        seen.removeIf(cls -> cls.isRecord() != records);
        return seen;
    }

    private static String definitionName(Class<?> record) {
        return record == RunResult.class ? SchemaProperties.ROOT : record.getSimpleName();
    }

    /** lowerCamelCase to snake_case, as Jackson's SNAKE_CASE strategy writes it: p99LatencyMs becomes p99_latency_ms. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
