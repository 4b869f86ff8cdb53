package dev.brownout.fakes.oauth;

import dev.brownout.fakes.admin.BehaviourStore;
import io.javalin.http.Context;

/** {@code GET /.well-known/jwks.json}: the published public keys, or 503 while the behaviour says so. */
final class JwksEndpoint {

    static final String PATH = "/.well-known/jwks.json";

    private final BehaviourStore<OAuthBehaviour> behaviour;
    private final SigningKeys keys;
    private final RequestJournal journal;

    JwksEndpoint(BehaviourStore<OAuthBehaviour> behaviour, SigningKeys keys, RequestJournal journal) {
        this.behaviour = behaviour;
        this.keys = keys;
        this.journal = journal;
    }

    void handle(Context ctx) {
        Exchange exchange = new Exchange("jwks", "GET");
        try {
            if (behaviour.current().jwksUnavailable()) {
                OAuthError error = OAuthError.temporarilyUnavailable("the key set is unavailable");
                exchange.outcome(error.code(), true);
                error.writeTo(ctx);
                return;
            }
            ctx.header("Cache-Control", "max-age=0, must-revalidate")
                    .contentType("application/json")
                    .result(keys.published().toString(true));
        } finally {
            journal.record(exchange, ctx.statusCode());
        }
    }
}
