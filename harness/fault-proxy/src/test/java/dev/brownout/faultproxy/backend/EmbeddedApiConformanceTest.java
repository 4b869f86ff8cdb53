package dev.brownout.faultproxy.backend;

/** The API conformance suite against the embedded server. */
class EmbeddedApiConformanceTest extends ApiConformanceSuite {

    @Override
    protected FaultProxyBackend startBackend() {
        return FaultProxyBackend.embedded();
    }
}
