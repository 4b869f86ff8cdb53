package dev.brownout.internal.measure;

import dev.brownout.reports.Finding;
import dev.brownout.reports.FindingKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Looks for the world's secrets in every regular file under a folder (recursively, symbolic links not
 * followed): one {@link FindingKind#SECRET_IN_FILE} finding per file holding any, naming the file (relative to
 * the folder) and the secrets' owners, never a secret. Files are compared byte for byte with the secrets' UTF-8.
 */
public final class SecretScan {

    private SecretScan() {
    }

    /**
     * @return one finding per file holding a secret, its count the number of occurrences; none for a missing folder
     * @throws UncheckedIOException when the folder or a file in it cannot be read
     */
    public static List<Finding> scan(WorldSecrets secrets, Path folder) {
        if (!Files.isDirectory(folder) || secrets.all().isEmpty()) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " to look for secrets", e);
        }
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            String bytes;
            try {
                // ISO-8859-1 maps every byte to one char, so a UTF-8 secret is found as its bytes
                bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " to look for secrets", e);
            }
            Map<String, Long> byOwner = new TreeMap<>();
            long total = 0;
            for (WorldSecrets.Secret secret : secrets.all()) {
                String needle = new String(secret.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                long found = occurrences(bytes, needle);
                if (found > 0) {
                    byOwner.merge(secret.owner(), found, Long::sum);
                    total += found;
                }
            }
            if (total > 0) {
                String where = folder.relativize(file).toString().replace('\\', '/');
                StringBuilder owners = new StringBuilder();
                byOwner.forEach((owner, n) -> owners.append(owners.isEmpty() ? "" : ", ").append(owner).append(" (")
                        .append(n).append(')'));
                findings.add(new Finding(FindingKind.SECRET_IN_FILE, where, "the file holds world secrets of "
                        + owners, total));
            }
        }
        return findings;
    }

    private static long occurrences(String haystack, String needle) {
        long count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
