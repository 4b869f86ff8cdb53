package dev.brownout.internal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.record.ProbeRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one played run left in its folder, read back for measuring: its exchanges, and the providers'
 * calls made during its timeline (those after each provider's {@link RunRecord#ledgerStart()}: the warm-up's
 * come before). Measuring from the folder, not from memory, means a folder can be measured again later.
 *
 * @param calls      the run's calls, without the probe's
 * @param probe      the probe sent after the timeline ({@code probe.json}), or null when none was sent
 * @param probeCalls the calls made for the probe (see {@link AliveProbe#isProbeCall}), in ledger order
 */
record RunFolderData(RunRecord record, List<ExchangeRecord> exchanges, List<ProviderCall> calls, ProbeRecord probe,
                     List<ProviderCall> probeCalls) {

    private static final ObjectMapper JSON = Mappers.json();

    RunFolderData {
        exchanges = List.copyOf(exchanges);
        calls = List.copyOf(calls);
        probeCalls = List.copyOf(probeCalls);
    }

    static RunFolderData read(RunRecord record) {
        Path folder = record.folder();
        List<ExchangeRecord> exchanges = new ArrayList<>();
        for (String line : lines(folder.resolve("exchanges.jsonl"))) {
            exchanges.add(parse(line, ExchangeRecord.class, folder.resolve("exchanges.jsonl")));
        }
        ProbeRecord probe = probe(folder.resolve(AliveProbe.FILE));
        List<ProviderCall> calls = new ArrayList<>();
        List<ProviderCall> probeCalls = new ArrayList<>();
        for (Map.Entry<String, Long> provider : record.ledgerStart().entrySet()) {
            Path ledger = folder.resolve("ledger-" + RunFolder.slug(provider.getKey()) + ".jsonl");
            for (String line : lines(ledger)) {
                ProviderCall call = parse(line, ProviderCall.class, ledger);
                if (call.seq() > provider.getValue()) {
                    (probe != null && AliveProbe.isProbeCall(call, probe) ? probeCalls : calls).add(call);
                }
            }
        }
        return new RunFolderData(record, exchanges, calls, probe, probeCalls);
    }

    private static ProbeRecord probe(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), ProbeRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> T parse(String line, Class<T> type, Path file) {
        try {
            return JSON.readValue(line, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a line of " + file + ": " + e.getMessage(), e);
        }
    }
}
