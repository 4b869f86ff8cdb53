package dev.brownout.fakes.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Using the table below, what is the capital of Veloria?" with a Markdown table in the prompt. Difficulty
 * d gives 3d + 2 rows. A wrong reply reads the neighbouring row.
 */
final class LookupForm implements CanaryForm {

    private static final Pattern QUESTION = Pattern.compile(
            "Using the table below, what is the (\\w+) of (\\w+)\\?");
    private static final String[] COLUMNS = {"capital", "currency", "founded", "code"};
    private static final String[] SYLLABLES = {"ve", "lo", "ria", "kan", "tor", "mi", "sa", "dun", "el", "qua",
            "bri", "no", "zar", "pe", "lin", "ost", "ka", "ru", "thal", "mon"};

    @Override
    public String question(int difficulty, SplittableRandom random) {
        int rows = 3 * difficulty + 2;
        List<String> names = new ArrayList<>();
        while (names.size() < rows) {
            String name = capitalised(word(random, 3));
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        StringBuilder table = new StringBuilder("| country | capital | currency | founded | code |\n");
        table.append("|---|---|---|---|---|\n");
        for (String name : names) {
            table.append("| ").append(name)
                    .append(" | ").append(capitalised(word(random, 2)))
                    .append(" | ").append(capitalised(word(random, 2)))
                    .append(" | ").append(random.nextInt(1200, 2000))
                    .append(" | ").append(code(random))
                    .append(" |\n");
        }
        String column = COLUMNS[random.nextInt(COLUMNS.length)];
        String target = names.get(random.nextInt(rows));
        return "Using the table below, what is the " + column + " of " + target + "?\n" + table.toString().stripTrailing();
    }

    @Override
    public Optional<Solution> solve(String question) {
        Matcher matcher = QUESTION.matcher(question);
        if (!matcher.find()) {
            return Optional.empty();
        }
        Table table = Table.parse(question.substring(matcher.end()));
        int column = table.header.indexOf(matcher.group(1));
        int row = table.rowOf(matcher.group(2));
        if (column < 0 || row < 0) {
            return Optional.empty();
        }
        String value = table.rows.get(row).get(column);
        return Optional.of(new Solution(
                List.of("The row for " + matcher.group(2) + " lists " + matcher.group(1) + " " + value + "."),
                value, null));
    }

    @Override
    public Solution wrong(String question, Solution right, SplittableRandom random) {
        Matcher matcher = QUESTION.matcher(question);
        matcher.find();
        Table table = Table.parse(question.substring(matcher.end()));
        int column = table.header.indexOf(matcher.group(1));
        int row = table.rowOf(matcher.group(2));
        int neighbour = row + 1 < table.rows.size() ? row + 1 : row - 1;
        String value = neighbour >= 0 ? table.rows.get(neighbour).get(column) : right.answer() + "a";
        return new Solution(
                List.of("The row for " + matcher.group(2) + " lists " + matcher.group(1) + " " + value + "."),
                value, null);
    }

    private static String word(SplittableRandom random, int syllables) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    private static String code(SplittableRandom random) {
        char[] letters = new char[3];
        for (int i = 0; i < 3; i++) {
            letters[i] = (char) ('A' + random.nextInt(26));
        }
        return new String(letters);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The Markdown table that follows the question. */
    private record Table(List<String> header, List<List<String>> rows) {

        static Table parse(String text) {
            List<String> header = List.of();
            List<List<String>> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                String trimmed = line.trim();
                if (!trimmed.startsWith("|") || trimmed.startsWith("|---")) {
                    if (!header.isEmpty() && !trimmed.startsWith("|---")) {
                        break;
                    }
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String cell : trimmed.substring(1, trimmed.length() - (trimmed.endsWith("|") ? 1 : 0)).split("\\|")) {
                    cells.add(cell.trim());
                }
                if (header.isEmpty()) {
                    header = cells;
                } else if (cells.size() == header.size()) {
                    rows.add(cells);
                }
            }
            return new Table(header, rows);
        }

        int rowOf(String key) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).getFirst().equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
