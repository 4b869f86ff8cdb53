package dev.brownout.fakes.oauth;

import java.net.URI;
import java.net.URISyntaxException;

/** Registered redirect URIs: absolute, no fragment (RFC 6749 §3.1.2), compared as exact strings. */
final class RedirectUris {

    private RedirectUris() {
    }

    static boolean isAbsoluteWithoutFragment(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            return parsed.isAbsolute() && parsed.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
