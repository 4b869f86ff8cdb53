package dev.brownout.faultproxy.backend;

import dev.brownout.faultproxy.container.ContainerBackend;

/**
 * The API conformance suite against the real Toxiproxy 2.12.0 image. Where Docker is missing
 * every test is skipped (a JUnit assumption), and the report says why.
 */
class ContainerApiConformanceTest extends ApiConformanceSuite {

    @Override
    protected FaultProxyBackend startBackend() {
        return ContainerBackend.dockerAvailable() ? ContainerBackend.start() : null;
    }

    @Override
    protected String unavailableReason() {
        return "Docker is not available, so the real Toxiproxy image cannot run here";
    }
}
