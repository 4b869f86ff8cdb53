package dev.brownout.fakes.auth;

/**
 * What an {@link Authenticator} decided. {@code principal} names who called (key owner, OAuth client or
 * subject) when known, also for refusals; {@code owner} names the fake that issued a foreign credential.
 */
public record AuthResult(boolean accepted, String principal, AuthFailure failure, String detail, String owner) {

    public static AuthResult accept(String principal) {
        return new AuthResult(true, principal, null, null, null);
    }

    public static AuthResult refuse(AuthFailure failure, String detail) {
        return new AuthResult(false, null, failure, detail, null);
    }

    public static AuthResult refuse(AuthFailure failure, String detail, String principal) {
        return new AuthResult(false, principal, failure, detail, null);
    }

    /** A credential that belongs to {@code owner}, presented to someone else: a leak. */
    public static AuthResult leak(String owner, String principal) {
        return new AuthResult(false, principal, AuthFailure.FOREIGN_CREDENTIAL,
                "credential issued by '" + owner + "'", owner);
    }

    public boolean isLeak() {
        return failure == AuthFailure.FOREIGN_CREDENTIAL;
    }
}
