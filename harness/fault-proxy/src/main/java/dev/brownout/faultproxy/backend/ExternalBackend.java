package dev.brownout.faultproxy.backend;

import eu.rekawek.toxiproxy.ToxiproxyClient;

import java.net.InetSocketAddress;
import java.net.URI;

/** Any running Toxiproxy (or compatible server) on this machine, by URL. */
final class ExternalBackend implements FaultProxyBackend {

    private final URI controlUrl;

    ExternalBackend(URI controlUrl) {
        if (controlUrl.getHost() == null || controlUrl.getPort() < 0) {
            throw new IllegalArgumentException("Toxiproxy URL needs a host and a port, e.g. http://127.0.0.1:8474; got " + controlUrl);
        }
        this.controlUrl = controlUrl;
    }

    @Override
    public String name() {
        return "external " + controlUrl;
    }

    @Override
    public URI controlUrl() {
        return controlUrl;
    }

    @Override
    public ToxiproxyClient client() {
        return new ToxiproxyClient(controlUrl.getHost(), controlUrl.getPort());
    }

    @Override
    public String listenAddress(int slot) {
        return "127.0.0.1:0";
    }

    @Override
    public String fixedListenAddress(int slot, String host) {
        return host + ":" + EmbeddedBackend.LocalPorts.free();
    }

    @Override
    public InetSocketAddress clientAddress(String reportedListen) {
        return EmbeddedBackend.LocalPorts.loopback(reportedListen);
    }

    @Override
    public String upstreamFor(int localPort) {
        return "127.0.0.1:" + localPort;
    }

    /** The server is not ours to stop. */
    @Override
    public void close() {
    }
}
