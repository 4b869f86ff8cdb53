package dev.brownout.fakes.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The bearer token a world's control surfaces (the fakes' admin APIs, the fault proxy's control API) require
 * when the world is reachable from other hosts; {@link #none()} for a world on loopback, which requires none.
 * Its value is never shown by {@link #toString()}, so it cannot slip into a log line.
 */
public final class AdminToken {

    /** The environment variable a token is read from, so it need not be on a command line. */
    public static final String ENVIRONMENT_VARIABLE = "BROWNOUT_ADMIN_TOKEN";

    private static final String BEARER = "Bearer ";
    private static final AdminToken NONE = new AdminToken(null);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private AdminToken(String value) {
        this.value = value;
    }

    /** No token: every call is let through. */
    public static AdminToken none() {
        return NONE;
    }

    /**
     * A given token.
     *
     * @throws IllegalArgumentException when it is blank or holds whitespace or control characters, which an
     *                                  {@code Authorization} header cannot carry
     */
    public static AdminToken of(String value) {
        Objects.requireNonNull(value, "an admin token");
        if (value.isBlank() || !value.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("an admin token must be printable ASCII without spaces, and not empty");
        }
        return new AdminToken(value);
    }

    /**
     * The token a world bound to {@code host} requires: {@code given} when there is one (a token may be asked for on
     * any address), else none on {@code 127.0.0.1}, {@code ::1} or {@code localhost} (only this machine's own
     * processes reach them), else a {@linkplain #generate() fresh} one: every other address, other loopback
     * addresses such as {@code 127.0.0.2} included, is treated as reachable from another host.
     *
     * @param given a token the user gave, or null
     */
    public static AdminToken forHost(String host, String given) {
        if (given != null) {
            return of(given);
        }
        return isDefaultLoopback(host) ? none() : generate();
    }

    /** Whether {@code host} is one of the addresses a world binds to by default, which need no token. */
    public static boolean isDefaultLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equals("127.0.0.1") || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1")
                || bare.equalsIgnoreCase("localhost");
    }

    /** A fresh random token: 32 bytes from {@link SecureRandom}, as hex. */
    public static AdminToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AdminToken(HexFormat.of().formatHex(bytes));
    }

    /** Whether calls must carry this token. */
    public boolean required() {
        return value != null;
    }

    /**
     * The token itself, to hand to the one who drives the world.
     *
     * @throws IllegalStateException for {@link #none()}
     */
    public String value() {
        if (value == null) {
            throw new IllegalStateException("no admin token is required, so there is none to show");
        }
        return value;
    }

    /** The {@code Authorization} header value that carries this token. */
    public String header() {
        return BEARER + value();
    }

    /**
     * Whether a request with this {@code Authorization} header may pass: always without a token, otherwise only
     * with {@code Bearer <token>}, compared in constant time.
     */
    public boolean admits(String authorization) {
        if (value == null) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Why a refused request was refused, for its 401 body; never names the token. */
    public String refusal(String authorization) {
        return authorization == null || authorization.isBlank()
                ? "this world requires a bearer token: send 'Authorization: Bearer <admin token>'"
                : "the bearer token is wrong: send the admin token this world was started with";
    }

    @Override
    public String toString() {
        return value == null ? "AdminToken[none]" : "AdminToken[required]";
    }
}
