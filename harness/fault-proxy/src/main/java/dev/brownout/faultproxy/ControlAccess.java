package dev.brownout.faultproxy;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Who may drive a server that other hosts can reach: the bearer token every control call must carry when the
 * server has one, and the rule that a server started on loopback never opens a proxy on every interface (an empty
 * or wildcard {@code listen}), which would expose a proxy that only this machine was meant to reach.
 */
final class ControlAccess {

    private static final Logger LOG = LoggerFactory.getLogger(ControlAccess.class);
    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    private final byte[] token;
    private final String serverHost;
    private final boolean serverOnLoopback;

    ControlAccess(String token, String serverHost) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.serverHost = serverHost;
        this.serverOnLoopback = loopback(serverHost);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            // Javalin fails to bind such a host anyway; until then treat it as the safer case
            return true;
        }
    }

    /** Null when the call may pass; otherwise the 401 to answer, the call logged once. */
    ApiError refusal(Context ctx) {
        if (token == null) {
            return null;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && MessageDigest.isEqual(presented(authorization), token)) {
            return null;
        }
        LOG.warn("refused a control API call without the right bearer token: {} {} from {}", ctx.method(), ctx.path(),
                ctx.ip());
        // the Basic challenge is what makes a client built on HttpURLConnection (toxiproxy-java) ask its
        // java.net.Authenticator, and Go's and curl's clients send a URL's user:password as Basic
        ctx.header("WWW-Authenticate", "Basic realm=\"brownout-toxiproxy\"");
        return new ApiError(401, authorization == null || authorization.isBlank()
                ? "this server requires a bearer token: send 'Authorization: Bearer <token>' (or the token as the "
                + "password of HTTP Basic authentication)"
                : "the bearer token is wrong: send the token this server was started with");
    }

    /**
     * The token a header presents: {@code Bearer <token>}, or {@code Basic} with the token as the password (any user
     * name) for Toxiproxy clients that cannot set a header but can send a URL's or an authenticator's credentials.
     */
    private static byte[] presented(String authorization) {
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        }
        if (authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? new byte[0] : pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
        return new byte[0];
    }

    /** @throws ApiError 400 when a loopback server is asked to listen on every interface */
    void checkListen(String listen, String where) {
        if (!serverOnLoopback || listen == null || !everyInterface(listen)) {
            return;
        }
        throw ApiError.badRequest("listen '" + listen + "'" + where + " would accept connections on every interface, "
                + "but this server runs on the loopback address " + serverHost + "; give a loopback listen such as "
                + "127.0.0.1:0, or start the server on a non-loopback --host");
    }

    void checkListens(List<WireFormat.ProxyRequest> requests) {
        for (int i = 0; i < requests.size(); i++) {
            checkListen(requests.get(i).listen(), " at proxy " + (i + 1));
        }
    }

    private static boolean everyInterface(String listen) {
        if (listen.isEmpty()) {
            return true;
        }
        HostPort parsed;
        try {
            parsed = HostPort.parse(listen);
        } catch (IllegalArgumentException e) {
            // malformed: the registry reports it in Toxiproxy's words
            return false;
        }
        if (parsed.host().isEmpty()) {
            return true;
        }
        try {
            return InetAddress.getByName(parsed.host()).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
