package dev.brownout.fakes.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The Nimbus OAuth 2.0 SDK, unchanged, against the fake server: what a real client sees. */
class NimbusClientFlowsTest {

    private TestWorld world;

    @BeforeEach
    void start() {
        world = TestWorld.start();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void oauthMetadataResolvesWithEveryEndpoint() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(world.server.issuer()));

        assertThat(metadata.getTokenEndpointURI()).as("token endpoint").isEqualTo(world.server.tokenUrl());
        assertThat(metadata.getJWKSetURI()).as("JWKS").isEqualTo(world.server.jwksUrl());
        assertThat(metadata.getAuthorizationEndpointURI()).as("authorization endpoint").isEqualTo(world.server.authorizationUrl());
        assertThat(metadata.getIntrospectionEndpointURI()).as("introspection").isEqualTo(world.server.introspectionUrl());
        assertThat(metadata.getRevocationEndpointURI()).as("revocation").isEqualTo(world.server.revocationUrl());
        assertThat(metadata.getGrantTypes()).as("grants")
                .contains(GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN, GrantType.AUTHORIZATION_CODE);
        assertThat(metadata.getCodeChallengeMethods()).as("PKCE methods: S256 only").containsExactly(CodeChallengeMethod.S256);
    }

    @Test
    void openidConfigurationResolves() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(world.server.issuer()));

        assertThat(metadata.getIssuer().getValue()).as("issuer").isEqualTo(world.server.issuer());
        assertThat(metadata.getTokenEndpointURI()).as("token endpoint").isEqualTo(world.server.tokenUrl());
    }

    @Test
    void clientCredentialsIssuesSignedAccessTokenWithEveryClaim() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Tokens tokens = TestWorld.issued(world.clientCredentials(world.agent()));

        SignedJWT jwt = SignedJWT.parse(tokens.getAccessToken().getValue());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getKeyID()).as("kid").isNotBlank();
        assertThat(claims.getIssuer()).as("iss").isEqualTo(world.server.issuer());
        assertThat(claims.getSubject()).as("sub").isEqualTo("agent");
        assertThat(claims.getAudience()).as("aud: every provider by default").containsExactly("primary", "backup");
        assertThat(claims.getStringClaim("scope")).as("scope").isEqualTo("llm.invoke");
        assertThat(claims.getStringClaim("client_id")).as("client_id").isEqualTo("agent");
        assertThat(claims.getJWTID()).as("jti").isNotBlank();
        assertThat(claims.getIssueTime().toInstant()).as("iat").isAfter(before);
        assertThat(claims.getExpirationTime().toInstant()).as("exp = iat + 60 s")
                .isEqualTo(claims.getIssueTime().toInstant().plusSeconds(60));
        assertThat(tokens.getAccessToken().getLifetime()).as("expires_in").isEqualTo(60);
        assertThat(tokens.getRefreshToken()).as("no refresh token for client_credentials").isNull();
    }

    @Test
    void tokenResponseIsNotCacheable() throws Exception {
        HTTPResponse response = new TokenRequest(world.server.tokenUrl(), world.basic(world.agent()),
                new com.nimbusds.oauth2.sdk.ClientCredentialsGrant(), null).toHTTPRequest().send();

        assertThat(response.getStatusCode()).as("status").isEqualTo(200);
        assertThat(response.getHeaderValue("Cache-Control")).as("Cache-Control").isEqualTo("no-store");
    }

    @Test
    void clientSecretPostIsAccepted() throws Exception {
        OAuthClient agent = world.agent();
        TokenResponse response = TokenResponse.parse(new TokenRequest(world.server.tokenUrl(),
                new ClientSecretPost(new ClientID(agent.clientId()), new Secret(agent.clientSecret())),
                new com.nimbusds.oauth2.sdk.ClientCredentialsGrant(), new Scope("llm.invoke")).toHTTPRequest().send());

        assertThat(TestWorld.issued(response).getAccessToken()).as("access token").isNotNull();
    }

    @Test
    void refreshRotatesAndTheSpentTokenIsRefused() throws Exception {
        OAuthClient agent = world.agent();
        Tokens first = TestWorld.issued(world.refresh(agent, agent.refreshToken()));

        assertThat(first.getRefreshToken().getValue()).as("a new refresh token replaces the seeded one")
                .isNotEqualTo(agent.refreshToken());
        assertThat(TestWorld.errorCode(world.refresh(agent, agent.refreshToken())))
                .as("the spent seeded token is refused").isEqualTo("invalid_grant");
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeFamily() throws Exception {
        OAuthClient agent = world.agent();
        Tokens rotated = TestWorld.issued(world.refresh(agent, agent.refreshToken()));
        world.refresh(agent, agent.refreshToken());

        assertThat(TestWorld.errorCode(world.refresh(agent, rotated.getRefreshToken().getValue())))
                .as("the successor of a reused token is revoked with its family").isEqualTo("invalid_grant");
        assertThat(world.server.authenticatorFor("primary", "llm.invoke")
                .authenticate(rotated.getAccessToken().getValue()).failure())
                .as("access tokens of the family are revoked too")
                .isEqualTo(dev.brownout.fakes.auth.AuthFailure.REVOKED);
    }

    @Test
    void authorizationCodeWithPkceIssuesAccessAndRefreshTokens() throws Exception {
        OAuthClient agent = world.agent();
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = URI.create(OAuthClientConfig.DEFAULT_REDIRECT_URI);
        State state = new State();
        URI authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(agent.clientId()))
                .redirectionURI(redirect).scope(new Scope("llm.invoke")).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(world.server.authorizationUrl()).build().toURI();

        HttpResponse<String> approval = world.http.send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approval.statusCode()).as("the authorize endpoint redirects").isEqualTo(302);
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(approval.headers().firstValue("Location").orElseThrow()));
        assertThat(response.indicatesSuccess()).as("approved").isTrue();
        assertThat(response.getState()).as("state echoed").isEqualTo(state);
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

        Tokens tokens = TestWorld.issued(TokenResponse.parse(new TokenRequest(world.server.tokenUrl(), world.basic(agent),
                new AuthorizationCodeGrant(code, redirect, verifier), null).toHTTPRequest().send()));
        assertThat(tokens.getAccessToken().getValue()).as("access token").isNotBlank();
        assertThat(tokens.getRefreshToken()).as("refresh token for a client that may refresh").isNotNull();
        assertThat(TestWorld.issued(world.refresh(agent, tokens.getRefreshToken().getValue())).getAccessToken())
                .as("the code's refresh token works").isNotNull();
    }

    @Test
    void introspectionReportsActiveAccessTokenWithItsClaims() throws Exception {
        String token = world.accessToken();

        TokenIntrospectionSuccessResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                world.server.introspectionUrl(), world.basic(world.agent()), new BearerAccessToken(token))
                .toHTTPRequest().send()).toSuccessResponse();

        assertThat(response.isActive()).as("active").isTrue();
        assertThat(response.getClientID().getValue()).as("client_id").isEqualTo("agent");
        assertThat(response.getScope().toString()).as("scope").isEqualTo("llm.invoke");
        assertThat(response.getAudience()).as("aud").hasSize(2);
    }

    @Test
    void revokedAccessTokenIntrospectsInactive() throws Exception {
        String token = world.accessToken();

        HTTPResponse revocation = new TokenRevocationRequest(world.server.revocationUrl(), world.basic(world.agent()),
                new BearerAccessToken(token)).toHTTPRequest().send();
        TokenIntrospectionSuccessResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                world.server.introspectionUrl(), world.basic(world.agent()), new BearerAccessToken(token))
                .toHTTPRequest().send()).toSuccessResponse();

        assertThat(revocation.getStatusCode()).as("revocation answered").isEqualTo(200);
        assertThat(response.isActive()).as("active after revocation").isFalse();
    }

    @Test
    void revokedRefreshTokenCannotBeUsed() throws Exception {
        OAuthClient agent = world.agent();

        HTTPResponse revocation = new TokenRevocationRequest(world.server.revocationUrl(), world.basic(agent),
                new RefreshToken(agent.refreshToken())).toHTTPRequest().send();

        assertThat(revocation.getStatusCode()).as("revocation answered").isEqualTo(200);
        assertThat(TestWorld.errorCode(world.refresh(agent, agent.refreshToken()))).as("refresh after revocation")
                .isEqualTo("invalid_grant");
    }
}
