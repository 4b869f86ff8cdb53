package dev.brownout.faultproxy.backend;

/** The data-plane conformance suite against the embedded server. */
class EmbeddedDataPlaneConformanceTest extends DataPlaneConformanceSuite {

    @Override
    protected FaultProxyBackend startBackend() {
        return FaultProxyBackend.embedded();
    }

    /**
     * A disabled embedded proxy keeps its port and resets every connection at once, so that the connection log
     * can count the attempts (a deliberate deviation, see docs/fault-proxy.md; ConnectionLogTest proves the
     * reset). A connect may therefore succeed before the reset arrives; the suite still checks that no data
     * passes.
     */
    @Override
    protected boolean refusesWhenNothingListens() {
        return false;
    }
}
