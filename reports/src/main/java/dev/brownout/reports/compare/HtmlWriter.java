package dev.brownout.reports.compare;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * A small writer of well-formed HTML: every text node and every attribute value is escaped on the way in, tag
 * and attribute names must be plain lower-case names, and each element is closed in the order it was opened.
 * The only unescaped text it takes is the page's own style sheet, a constant of ours.
 */
final class HtmlWriter {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final StringBuilder html = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    HtmlWriter() {
        html.append("<!DOCTYPE html>\n");
    }

    /** Opens {@code tag} with attributes given as name, value pairs. */
    HtmlWriter start(String tag, String... attributes) {
        tag(tag, attributes);
        open.push(tag);
        return this;
    }

    /** An element that has no content and no end tag, such as {@code meta}. */
    HtmlWriter empty(String tag, String... attributes) {
        tag(tag, attributes);
        return this;
    }

    private void tag(String tag, String... attributes) {
        html.append('<').append(name(tag));
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            html.append(' ').append(name(attributes[i])).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        html.append('>');
    }

    /** Closes the element opened last, which must be {@code tag}. */
    HtmlWriter end(String tag) {
        if (open.isEmpty() || !open.peek().equals(tag)) {
            throw new IllegalStateException("closing <" + tag + "> while <" + open.peek() + "> is open");
        }
        open.pop();
        html.append("</").append(tag).append('>');
        if (open.size() <= 2) {
            html.append('\n');
        }
        return this;
    }

    /** An element holding only {@code text}. */
    HtmlWriter element(String tag, String text, String... attributes) {
        return start(tag, attributes).text(text).end(tag);
    }

    /** A text node, escaped. */
    HtmlWriter text(String text) {
        html.append(escape(text == null ? "" : text));
        return this;
    }

    /** A {@code <style>} element with our own style sheet, which must not hold a closing tag. */
    HtmlWriter style(String css) {
        if (css.contains("<")) {
            throw new IllegalArgumentException("a style sheet of ours holds no '<'");
        }
        html.append("<style>").append(css).append("</style>\n");
        return this;
    }

    /** The page; every element must be closed. */
    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("<" + open.peek() + "> is still open");
        }
        return html.toString();
    }

    /** Text safe in a text node and in a double- or single-quoted attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain tag or attribute name: " + name);
        }
        return name;
    }
}
