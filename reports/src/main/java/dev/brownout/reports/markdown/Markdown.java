package dev.brownout.reports.markdown;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A small builder of GitHub-flavoured Markdown: headings, paragraphs, lists, tables and code blocks, with the text
 * escaped so that a name from a result can neither break a table ({@code |}) nor open an HTML tag.
 */
final class Markdown {

    /** A {@code <} that could begin an HTML tag, comment or declaration. */
    private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");

    private final StringBuilder out = new StringBuilder();

    Markdown heading(int level, String text) {
        out.append("#".repeat(level)).append(' ').append(inline(text)).append("\n\n");
        return this;
    }

    Markdown paragraph(String text) {
        out.append(inline(text)).append("\n\n");
        return this;
    }

    Markdown bullets(List<String> items) {
        for (String item : items) {
            out.append("- ").append(inline(item)).append('\n');
        }
        out.append('\n');
        return this;
    }

    /** A table; every row gets exactly as many cells as the header, padded with empty cells or cut. */
    Markdown table(List<String> header, List<List<String>> rows) {
        row(header);
        out.append('|');
        for (int i = 0; i < header.size(); i++) {
            out.append(" --- |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            row(header.size() == row.size() ? row
                    : java.util.stream.IntStream.range(0, header.size())
                    .mapToObj(i -> i < row.size() ? row.get(i) : "").toList());
        }
        out.append('\n');
        return this;
    }

    /** A fenced code block, its fence longer than any run of backticks in the code. */
    Markdown code(String language, String code) {
        int longest = 0;
        int run = 0;
        for (char c : code.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        out.append(fence).append(language).append('\n').append(code).append('\n').append(fence).append("\n\n");
        return this;
    }

    String build() {
        return out.toString().stripTrailing() + "\n";
    }

    private void row(List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell(cell)).append(" |");
        }
        out.append('\n');
    }

    /** Text on one line with no HTML tag in it. */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s*\\R\\s*", " ");
        return TAG_START.matcher(flat).replaceAll("&lt;");
    }

    /** Text for a table cell: {@link #inline(String)}, with pipes escaped; an empty cell stays empty. */
    static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }
}
