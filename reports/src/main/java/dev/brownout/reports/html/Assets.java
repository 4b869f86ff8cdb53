package dev.brownout.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * What the page inlines: uPlot's script, style sheet and licence from its WebJar, and our own style sheet and
 * chart script, all read once from the classpath so the page needs no network.
 */
record Assets(String uplotVersion, String uplotJs, String uplotCss, String uplotLicense, String reportCss,
              String reportJs) {

    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String OURS = "dev/brownout/reports/html/";

    private static volatile Assets loaded;

    static Assets get() {
        Assets assets = loaded;
        if (assets == null) {
            assets = load();
            loaded = assets;
        }
        return assets;
    }

    private static Assets load() {
        String version = readUplotVersion();
        String root = "META-INF/resources/webjars/uplot/" + version + "/";
        return new Assets(version,
                script(read(root + "dist/uPlot.iife.min.js")),
                read(root + "dist/uPlot.min.css"),
                comment(read(root + "LICENSE").strip()),
                read(OURS + "report.css"),
                script(read(OURS + "report.js")));
    }

    private static String readUplotVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource(UPLOT_POM)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UPLOT_POM + ": " + e.getMessage(), e);
        }
        String version = properties.getProperty("version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException(UPLOT_POM + " names no version; the uPlot WebJar on the classpath is broken");
        }
        return version.strip();
    }

    /** A script the page inlines must not be able to end its own element early. */
    private static String script(String text) {
        if (text.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("an inlined script contains '</script', which would end its element early");
        }
        return text;
    }

    /** Text the page puts inside a CSS comment must not be able to end it, or the style element. */
    private static String comment(String text) {
        if (text.contains("*/") || text.contains("<")) {
            throw new IllegalStateException("uPlot's licence text cannot go inside a style sheet comment as it is");
        }
        return text;
    }

    private static String read(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the classpath: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the classpath; the HTML report needs it"
                    + (path.startsWith("META-INF") ? " (the org.webjars.npm:uplot dependency)" : ""));
        }
        return in;
    }
}
