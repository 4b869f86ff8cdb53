package dev.brownout;

import dev.brownout.fakes.oauth.OAuthBehaviour;
import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.fakes.oauth.OAuthLedgerEntry;
import dev.brownout.fakes.oauth.OAuthServer;
import dev.brownout.scenario.NetworkFaults;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.world.OAuthEndpoint;

import java.util.List;
import java.util.Objects;

/**
 * The OAuth2 server of a {@link BrownoutWorld}: its URLs (on its fault proxy's address, which is also the
 * issuer its tokens carry), its registered clients, faults set on it by hand, and the requests it saw since
 * the world was last reset.
 */
public final class WorldOAuth {

    private final BrownoutWorld world;
    private final OAuthEndpoint endpoint;
    private final OAuthServer server;
    private long ledgerCursor;

    WorldOAuth(BrownoutWorld world, OAuthEndpoint endpoint, OAuthServer server) {
        this.world = world;
        this.endpoint = endpoint;
        this.server = server;
        moveLedgerCursor();
    }

    public String issuer() {
        return endpoint.issuer();
    }

    public String tokenUrl() {
        world.requireOpen();
        return endpoint.tokenUrl();
    }

    public String jwksUrl() {
        return endpoint.jwksUrl();
    }

    public String discoveryUrl() {
        return endpoint.discoveryUrl();
    }

    /** Every registered client with its secret and seeded refresh token. */
    public List<OAuthClient> clients() {
        return endpoint.clients();
    }

    /**
     * A registered client by id.
     *
     * @throws IllegalArgumentException for an id no client has, naming the registered ones
     */
    public OAuthClient client(String clientId) {
        return endpoint.clients().stream().filter(client -> client.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the OAuth server has no client '" + clientId
                        + "'; its clients are " + endpoint.clients().stream().map(OAuthClient::clientId).toList()));
    }

    /** Behaves as {@code behaviour} from now on (token endpoint errors, JWKS outage, key rotation, clock skew...). */
    public void behaviour(OAuthBehaviour behaviour) {
        Objects.requireNonNull(behaviour, "a behaviour; OAuthBehaviour.healthy() for none");
        world.update(TargetFaults.OAUTH, faults -> new TargetFaults(TargetFaults.OAUTH, faults.network(), null, behaviour));
    }

    /** Sets the state of the fault proxy in front of it: {@link Faults#down()}, toxics, or {@link Faults#clean()}. */
    public void network(NetworkFaults network) {
        Objects.requireNonNull(network, "the proxy's state; Faults.clean() for none");
        world.update(TargetFaults.OAUTH, faults -> new TargetFaults(TargetFaults.OAUTH, network, null, faults.oauthBehaviour()));
    }

    /** Every request the server saw since the world started or was last reset, oldest first. */
    public List<OAuthLedgerEntry> ledger() {
        world.requireOpen();
        long since;
        synchronized (this) {
            since = ledgerCursor;
        }
        return server.ledger().all().stream().filter(entry -> entry.sequence() > since).toList();
    }

    synchronized void moveLedgerCursor() {
        ledgerCursor = server.ledger().lastSequence();
    }

    @Override
    public String toString() {
        return "OAuth server " + issuer();
    }
}
