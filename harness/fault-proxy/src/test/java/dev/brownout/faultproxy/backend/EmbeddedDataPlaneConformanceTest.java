package dev.brownout.faultproxy.backend;

/** The data-plane conformance suite against the embedded server. */
class EmbeddedDataPlaneConformanceTest extends DataPlaneConformanceSuite {

    @Override
    protected FaultProxyBackend startBackend() {
        return FaultProxyBackend.embedded();
    }
}
