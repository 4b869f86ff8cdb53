package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The stable key a request is recorded and found under: the API, the model (which some APIs name in the path, not
 * the body) and the request body (messages with their task headers, tools, sampling fields) in a canonical form: object keys sorted, no whitespace, numbers in their
 * shortest exact form, the API's unkeyed fields left out. The same request is the same key whatever the client's
 * key order, spacing or {@code stream} flag.
 */
final class RequestKey {

    private RequestKey() {
    }

    /** {@code sha256:<hex>} of the canonical form. */
    static String of(UpstreamWire wire, String model, JsonNode body) {
        String canonical = wire.api() + '\n' + model + '\n' + canonical(body, wire.unkeyedFields(), true);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String canonical(JsonNode node, Set<String> unkeyed, boolean top) {
        StringBuilder out = new StringBuilder();
        write(node, unkeyed, top, out);
        return out.toString();
    }

    private static void write(JsonNode node, Set<String> unkeyed, boolean top, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            boolean first = true;
            for (String name : names) {
                if (top && unkeyed.contains(name)) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(quoted(name)).append(':');
                write(node.get(name), unkeyed, false, out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), unkeyed, false, out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isTextual()) {
            out.append(quoted(node.asText()));
        } else {
            out.append(node.asText());
        }
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }
}
