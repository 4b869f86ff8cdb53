package dev.brownout.fakes.auth;

/** Why a provider refused a credential; recorded in the ledger. */
public enum AuthFailure {
    /** No credential in the request. */
    MISSING,
    /** A credential nobody in this world issued. */
    UNKNOWN,
    /** A credential that belongs to another fake of this world: a credential leak. */
    FOREIGN_CREDENTIAL,
    /** A bearer token that is not a well-formed JWT. */
    MALFORMED,
    /** A token whose signature does not verify against the issuer's current keys. */
    BAD_SIGNATURE,
    EXPIRED,
    NOT_YET_VALID,
    /** A token issued for another audience (and not another provider of this world). */
    WRONG_AUDIENCE,
    INSUFFICIENT_SCOPE,
    REVOKED
}
