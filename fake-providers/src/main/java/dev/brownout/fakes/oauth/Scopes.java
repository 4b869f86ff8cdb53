package dev.brownout.fakes.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Scope values as RFC 6749 §3.3 writes them: space-delimited tokens of printable ASCII. */
final class Scopes {

    private Scopes() {
    }

    static boolean isValidToken(String scope) {
        return scope != null && scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    }

    /** The scopes a request names, or {@code null} when it names none (empty counts as none). */
    static Set<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(text.trim().split(" +")));
        for (String scope : scopes) {
            if (!isValidToken(scope)) {
                throw OAuthError.invalidScope("scope '" + scope + "' is not a valid scope token");
            }
        }
        return scopes;
    }

    /** The requested scopes if all are allowed, the allowed ones when none was requested. */
    static List<String> grant(Set<String> requested, List<String> allowed) {
        if (requested == null) {
            return allowed;
        }
        for (String scope : requested) {
            if (!allowed.contains(scope)) {
                throw OAuthError.invalidScope("scope '" + scope + "' is not granted to this client");
            }
        }
        return List.copyOf(requested);
    }

    static String join(List<String> scopes) {
        return String.join(" ", scopes);
    }
}
