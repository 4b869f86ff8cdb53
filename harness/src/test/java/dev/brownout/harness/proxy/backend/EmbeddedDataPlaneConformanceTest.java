package dev.brownout.harness.proxy.backend;

/** The data-plane conformance suite against the embedded server. */
class EmbeddedDataPlaneConformanceTest extends DataPlaneConformanceSuite {

    @Override
    protected FaultProxyBackend startBackend() {
        return FaultProxyBackend.embedded();
    }
}
