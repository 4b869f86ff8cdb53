package dev.brownout.fakes.oauth;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a token, introspection or revocation request, parsed strictly: the body must be
 * {@code application/x-www-form-urlencoded}, no parameter may appear twice (RFC 6749 §3.2), and a
 * parameter sent without a value counts as omitted. We parse the bytes ourselves so a malformed body
 * is an {@code invalid_request}, never a framework exception.
 */
final class FormParameters {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final Map<String, String> values;

    private FormParameters(Map<String, String> values) {
        this.values = values;
    }

    static FormParameters read(Context ctx) {
        byte[] body = readBody(ctx);
        String contentType = ctx.header("Content-Type");
        if (contentType == null || !mediaType(contentType).equals(FORM)) {
            throw OAuthError.invalidRequest("the body must be " + FORM);
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * The whole body, read even when the request is refused for its content type: Jetty closes a
     * connection whose body was left unread, after answering on it as if it stayed open.
     */
    private static byte[] readBody(Context ctx) {
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            throw OAuthError.withStatus(e.getStatus(), "invalid_request", "the body could not be read: " + e.getMessage());
        } catch (Exception e) {
            // Jetty reports a broken body (bad chunking, a body cut short) only when it is read, as an
            // IOException that Javalin (Kotlin) throws undeclared
            throw OAuthError.invalidRequest("the body could not be read: it is not valid HTTP content");
        }
    }

    /** Query parameters with the same rules as a form body (the authorize endpoint). */
    static FormParameters fromQuery(Map<String, List<String>> query) {
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            List<String> present = entry.getValue().stream().filter(v -> !v.isEmpty()).toList();
            if (present.size() > 1) {
                throw OAuthError.invalidRequest("parameter '" + entry.getKey() + "' appears more than once");
            }
            if (present.size() == 1) {
                values.put(entry.getKey(), present.getFirst());
            }
        }
        return new FormParameters(values);
    }

    static FormParameters parse(String body) {
        Map<String, String> values = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        if (!body.isEmpty()) {
            for (String pair : body.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (!seen.add(name)) {
                    throw OAuthError.invalidRequest("parameter '" + printable(name) + "' appears more than once");
                }
                if (!value.isEmpty()) {
                    values.put(name, value);
                }
            }
        }
        return new FormParameters(values);
    }

    String get(String name) {
        return values.get(name);
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw OAuthError.invalidRequest("parameter '" + name + "' is required");
        }
        return value;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("the body is not valid form encoding");
        }
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Parameter names come from the client; keep error descriptions short and printable. */
    static String printable(String text) {
        String cleaned = text.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
    }
}
