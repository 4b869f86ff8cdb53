package dev.brownout.faultproxy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.brownout.faultproxy.internal.toxics.ToxicType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Toxiproxy's JSON, both ways. Requests are read as a Jackson tree and checked field by field, so
 * decoding follows Go's encoding/json (case-insensitive keys, unknown keys ignored, null keeps the
 * default, strict number types) and errors read like Toxiproxy's.
 */
final class WireFormat {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private WireFormat() {
    }

    @JsonPropertyOrder({"name", "listen", "upstream", "enabled", "Logger", "toxics"})
    record ProxyView(String name, String listen, String upstream, boolean enabled,
                     @JsonProperty("Logger") Map<String, Object> logger, List<ToxicView> toxics) {
    }

    @JsonPropertyOrder({"attributes", "name", "type", "stream", "toxicity"})
    record ToxicView(Map<String, Long> attributes, String name, String type, String stream,
                     @JsonSerialize(using = Float32.class) float toxicity) {

        static ToxicView of(ToxicSpec spec) {
            return new ToxicView(spec.attributes(), spec.name(), spec.type().name(), spec.streamAsSent(),
                    spec.toxicity());
        }
    }

    @JsonPropertyOrder({"error", "status"})
    record ErrorView(String error, int status) {
    }

    @JsonPropertyOrder({"error", "status", "proxies"})
    record PopulateErrorView(String error, int status, List<ProxyView> proxies) {
    }

    record PopulateView(List<ProxyView> proxies) {
    }

    /** Go prints float32 in its shortest form, integral values without a fraction: 1, 0.5, 0.2. */
    static final class Float32 extends StdSerializer<Float> {
        Float32() {
            super(Float.class);
        }

        @Override
        public void serialize(Float value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            float f = value;
            if (f == Math.rint(f) && Math.abs(f) < 1e15f) {
                gen.writeNumber((long) f);
            } else {
                gen.writeNumber(f);
            }
        }
    }

    /** Fields of a proxy in a create, update or populate body; null means "not given". */
    record ProxyRequest(String name, String listen, String upstream, Boolean enabled) {
    }

    /** Fields of a toxic create or update body; attributes stay raw until the type is known. */
    record ToxicRequest(String name, String type, String stream, Float toxicity, JsonNode attributes) {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the first JSON value of a body; trailing bytes are ignored, as by Go's decoder. */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("bad request body: EOF");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiError.badRequest("bad request body: EOF");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("bad request body: " + e.getOriginalMessage());
        }
    }

    static ProxyRequest proxyRequest(JsonNode node, String goType) {
        requireObject(node, goType);
        return new ProxyRequest(
                string(node, "name", "proxy.name"),
                string(node, "listen", "proxy.listen"),
                string(node, "upstream", "proxy.upstream"),
                bool(node, "enabled", "proxy.enabled"));
    }

    static List<ProxyRequest> populateRequest(JsonNode node) {
        if (!node.isArray()) {
            throw ApiError.badRequest("bad request body: json: cannot unmarshal " + kind(node)
                    + " into Go value of type []toxiproxy.Proxy");
        }
        return java.util.stream.StreamSupport.stream(node.spliterator(), false)
                .map(item -> proxyRequest(item, "toxiproxy.Proxy"))
                .toList();
    }

    static ToxicRequest toxicRequest(JsonNode node) {
        requireObject(node, "toxiproxy.ToxicWrapper");
        JsonNode attributes = field(node, "attributes");
        if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
            throw ApiError.badRequest("bad request body: json: cannot unmarshal " + kind(attributes)
                    + " into Go struct field ToxicWrapper.attributes of type map");
        }
        return new ToxicRequest(
                string(node, "name", "ToxicWrapper.name"),
                string(node, "type", "ToxicWrapper.type"),
                string(node, "stream", "ToxicWrapper.stream"),
                float32(node, "toxicity", "ToxicWrapper.toxicity"),
                attributes == null || attributes.isNull() ? null : attributes);
    }

    /** Decodes a type's attributes over a base (defaults or the current values), strictly typed. */
    static Map<String, Long> attributes(ToxicType type, Map<String, Long> base, JsonNode given) {
        Map<String, Long> merged = new LinkedHashMap<>();
        for (String attribute : type.attributes()) {
            merged.put(attribute, base.getOrDefault(attribute, 0L));
        }
        if (given == null) {
            return merged;
        }
        for (String attribute : type.attributes()) {
            JsonNode value = field(given, attribute);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                String shown = value.isNumber() ? "number " + value.asText() : kind(value);
                throw ApiError.badRequest("bad request body: json: cannot unmarshal " + shown
                        + " into Go struct field " + type.goStruct() + "." + attribute + " of type int64");
            }
            merged.put(attribute, value.longValue());
        }
        return merged;
    }

    private static void requireObject(JsonNode node, String goType) {
        if (!node.isObject()) {
            throw ApiError.badRequest("bad request body: json: cannot unmarshal " + kind(node)
                    + " into Go value of type " + goType);
        }
    }

    /** Go matches keys exactly first, then case-insensitively. */
    static JsonNode field(JsonNode object, String key) {
        JsonNode exact = object.get(key);
        if (exact != null) {
            return exact;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String string(JsonNode object, String key, String goField) {
        JsonNode value = field(object, key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw typeError(value, goField, "string");
        }
        return value.textValue();
    }

    private static Boolean bool(JsonNode object, String key, String goField) {
        JsonNode value = field(object, key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw typeError(value, goField, "bool");
        }
        return value.booleanValue();
    }

    private static Float float32(JsonNode object, String key, String goField) {
        JsonNode value = field(object, key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw typeError(value, goField, "float32");
        }
        double d = value.doubleValue();
        if (Double.isInfinite(d) || Math.abs(d) > Float.MAX_VALUE) {
            throw ApiError.badRequest("bad request body: json: cannot unmarshal number " + value.asText()
                    + " into Go struct field " + goField + " of type float32");
        }
        return (float) d;
    }

    private static ApiError typeError(JsonNode value, String goField, String goType) {
        return ApiError.badRequest("bad request body: json: cannot unmarshal " + kind(value)
                + " into Go struct field " + goField + " of type " + goType);
    }

    private static String kind(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case BOOLEAN -> "bool";
            case NUMBER -> "number";
            case STRING, BINARY -> "string";
            default -> "null";
        };
    }
}
