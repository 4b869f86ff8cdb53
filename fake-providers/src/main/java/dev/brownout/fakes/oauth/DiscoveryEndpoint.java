package dev.brownout.fakes.oauth;

import io.javalin.http.Context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The metadata documents: RFC 8414 at {@code /.well-known/oauth-authorization-server} and OpenID
 * Connect discovery at {@code /.well-known/openid-configuration}. They are the same document; the
 * OpenID fields are present because OpenID clients refuse metadata without them, though this server
 * issues access tokens only.
 */
final class DiscoveryEndpoint {

    static final String OAUTH_PATH = "/.well-known/oauth-authorization-server";
    static final String OPENID_PATH = "/.well-known/openid-configuration";

    private final Map<String, Object> document;
    private final RequestJournal journal;

    DiscoveryEndpoint(String issuer, SigningAlgorithm algorithm, List<RegisteredClient> clients, RequestJournal journal) {
        this.journal = journal;
        TreeSet<String> scopes = new TreeSet<>();
        clients.forEach(client -> scopes.addAll(client.scopes()));
        List<String> authMethods = List.of("client_secret_basic", "client_secret_post");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer);
        body.put("authorization_endpoint", issuer + OAuthServer.AUTHORIZE_PATH);
        body.put("token_endpoint", issuer + OAuthServer.TOKEN_PATH);
        body.put("jwks_uri", issuer + JwksEndpoint.PATH);
        body.put("introspection_endpoint", issuer + OAuthServer.INTROSPECT_PATH);
        body.put("revocation_endpoint", issuer + OAuthServer.REVOKE_PATH);
        body.put("scopes_supported", List.copyOf(scopes));
        body.put("response_types_supported", List.of("code"));
        body.put("response_modes_supported", List.of("query"));
        body.put("grant_types_supported", List.of("client_credentials", "refresh_token", "authorization_code"));
        body.put("token_endpoint_auth_methods_supported", authMethods);
        body.put("introspection_endpoint_auth_methods_supported", authMethods);
        body.put("revocation_endpoint_auth_methods_supported", authMethods);
        body.put("code_challenge_methods_supported", List.of("S256"));
        body.put("subject_types_supported", List.of("public"));
        body.put("id_token_signing_alg_values_supported", List.of(algorithm.name()));
        this.document = Collections.unmodifiableMap(body);
    }

    void handle(Context ctx) {
        Exchange exchange = new Exchange("discovery", "GET");
        try {
            ctx.json(document);
        } finally {
            journal.record(exchange, ctx.statusCode());
        }
    }
}
