/**
 * A fake world as the system under test sees it: {@link dev.brownout.world.WorldEndpoints} lists every
 * provider ({@link dev.brownout.world.ProviderEndpoint}) and the OAuth server
 * ({@link dev.brownout.world.OAuthEndpoint}), each on its fault proxy's address, with the credentials to
 * use.
 * <p>
 * In the flow it is what the started world hands to the SUT as it is started, so the SUT only ever reaches
 * the fakes through their proxies. It uses the OAuth client type of {@code dev.brownout.fakes.oauth}.
 * <p>
 * Public API: read it from {@code dev.brownout.BrownoutWorld#endpoints()} or in {@code dev.brownout.Sut#inJvm};
 * the internal world, SUT and run packages build and use it.
 */
package dev.brownout.world;
