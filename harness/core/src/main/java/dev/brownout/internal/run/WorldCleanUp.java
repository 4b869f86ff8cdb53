package dev.brownout.internal.run;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.sut.StartedSut;
import dev.brownout.internal.world.ProxiedWorld;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every run leaves the world: faults cleared, the SUT stopped, each provider's ledger kept in the run folder,
 * the world closed and the proxies' connections kept; each step runs whatever the others did, and a step that
 * fails keeps its cause in {@code error.txt}. Shared by {@link ScenarioRun} and {@link ExternalRun}.
 */
final class WorldCleanUp {

    private WorldCleanUp() {
    }

    /**
     * @param world null when it never started
     * @param sut   null when it never started
     * @return each provider's calls, as kept in its {@code ledger-<provider>.jsonl} (none kept for a ledger that
     *         could not be written)
     */
    static Map<String, List<ProviderCall>> keepAndClose(ProxiedWorld world, StartedSut sut, RunFolder folder,
                                                        ErrorFile errors) {
        Map<String, List<ProviderCall>> ledgers = new LinkedHashMap<>();
        if (world != null) {
            try {
                world.phases().clear();
            } catch (RuntimeException e) {
                errors.survived("clearing the faults", e);
            }
        }
        if (sut != null) {
            try {
                sut.close();
            } catch (RuntimeException e) {
                errors.survived("stopping the SUT", e);
            }
        }
        if (world != null) {
            for (String provider : world.providerNames()) {
                try {
                    List<ProviderCall> calls = world.ledger(provider);
                    folder.writeJsonLines("ledger-" + RunFolder.slug(provider) + ".jsonl", calls);
                    ledgers.put(provider, calls);
                } catch (RuntimeException e) {
                    errors.survived("keeping the ledger of " + provider, e);
                }
            }
            try {
                world.close();
            } catch (RuntimeException e) {
                errors.survived("closing the world", e);
            }
            ConnectionsFile.keep(world, folder, errors);
        }
        return ledgers;
    }

    /** Each provider's last ledger sequence number: the calls that follow it are the ones made from now on. */
    static Map<String, Long> ledgerPositions(ProxiedWorld world) {
        return world.ledgerPositions();
    }
}
