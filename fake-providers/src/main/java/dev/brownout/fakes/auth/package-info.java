/**
 * How a fake provider decides whether a request's credential may call it, and how it tells a plain mistake
 * from a credential leaked from another part of the world.
 * <p>
 * It acts on every call the SUT makes to a provider while the driver sends tasks: an
 * {@link dev.brownout.fakes.auth.Authenticator} (an {@link dev.brownout.fakes.auth.ApiKeyAuthenticator}, or
 * the OAuth server's bearer-token check) gives an {@link dev.brownout.fakes.auth.AuthResult}, and the
 * world-wide {@link dev.brownout.fakes.auth.CredentialRegistry} names the owner of a foreign secret. The
 * outcome goes into the provider's ledger, where the measurement finds credential leaks.
 * <p>
 * Public API with no dependencies of its own; used by {@code dev.brownout.fakes}, {@code dev.brownout.fakes.oauth}
 * and the dialects in {@code dev.brownout.fakes.internal}.
 */
package dev.brownout.fakes.auth;
