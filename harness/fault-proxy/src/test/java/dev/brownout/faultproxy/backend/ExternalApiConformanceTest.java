package dev.brownout.faultproxy.backend;

import dev.brownout.faultproxy.ServerConfig;
import dev.brownout.faultproxy.ToxiproxyServer;
import org.junit.jupiter.api.AfterAll;

/**
 * The API conformance suite through the external backend, pointed at a server this class starts:
 * proves the by-URL path works without needing a Toxiproxy binary installed.
 */
class ExternalApiConformanceTest extends ApiConformanceSuite {

    private ToxiproxyServer server;

    @Override
    protected FaultProxyBackend startBackend() {
        server = ToxiproxyServer.start(ServerConfig.ephemeral());
        return FaultProxyBackend.external(server.url());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }
}
