package dev.brownout.internal.world;

import java.net.URI;

/**
 * A fault target: a provider or the OAuth server, with its proxy and its admin behaviour URL. The admin
 * URL is the fake's own address, not the proxy's, so a downed proxy never stops the harness from
 * resetting a fake's behaviour.
 */
record Target(String name, TargetProxy proxy, URI behaviourUrl, boolean oauth) {
}
