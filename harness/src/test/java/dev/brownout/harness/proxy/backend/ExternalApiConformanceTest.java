package dev.brownout.harness.proxy.backend;

import dev.brownout.harness.proxy.ServerConfig;
import dev.brownout.harness.proxy.ToxiproxyServer;
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
