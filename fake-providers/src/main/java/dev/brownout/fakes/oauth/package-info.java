/**
 * The fake OAuth 2.0 authorization server of a world: discovery, JWKS, the token endpoint
 * (client credentials, refresh with rotation, authorization code with PKCE), authorization, introspection and
 * revocation, with switchable misbehaviour and a ledger of its own.
 * <p>
 * It starts with the world when the world's config asks for one; the SUT gets tokens from it through its
 * fault proxy, providers in OAuth mode check those tokens in-process, and phases set its
 * {@link dev.brownout.fakes.oauth.OAuthBehaviour} (failing refreshes, key rollover, clock skew, token
 * endpoint errors). Start from {@link dev.brownout.fakes.oauth.OAuthConfig} and
 * {@link dev.brownout.fakes.oauth.OAuthServer}; the credentials handed to the SUT are
 * {@link dev.brownout.fakes.oauth.OAuthClient}s, and each request it saw is an
 * {@link dev.brownout.fakes.oauth.OAuthLedgerEntry}.
 * <p>
 * Public API. It uses the admin, auth, config and ledger packages of the fakes and their HTTP listener;
 * {@code dev.brownout.fakes}, {@code dev.brownout.scenario}, {@code dev.brownout.world} and the harness's
 * world, SUT and measurement packages use it.
 */
package dev.brownout.fakes.oauth;
