package dev.brownout.junit;

import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.faultproxy.container.ContainerBackend;

/**
 * The only class that names the optional artifact's {@link ContainerBackend}, so that it is loaded only once
 * {@link FaultProxies} has checked that the artifact is on the class path.
 */
final class ContainerProxy {

    private ContainerProxy() {
    }

    static boolean dockerAvailable() {
        return ContainerBackend.dockerAvailable();
    }

    static FaultProxyBackend start() {
        return ContainerBackend.start();
    }
}
