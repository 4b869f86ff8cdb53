package dev.brownout.internal.sut;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.reflect.ReflectionObjectHandler;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Mustache as SUT files use it: values are written as they are (no HTML escaping, so a URL with {@code &}
 * stays intact in a config file or header), and a value naming a variable the world does not have is an
 * error naming that variable, never an empty string. A section over a missing name is simply skipped, so
 * {@code {{#oauth}}...{{/oauth}}} works in a world without an OAuth server.
 */
final class SutTemplates {

    private SutTemplates() {
    }

    /** A compiled template; render it as often as needed. */
    static final class Template {
        private final Mustache mustache;
        private final String name;

        private Template(Mustache mustache, String name) {
            this.mustache = mustache;
            this.name = name;
        }

        /** Renders against {@code model}; an unknown variable throws {@link TemplateException}. */
        String render(Map<String, ?> model) {
            StringWriter out = new StringWriter();
            try {
                mustache.execute(out, model).flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw translate(e, name);
            }
            return out.toString();
        }
    }

    /** Compiles {@code text}; {@code name} says where it came from (a field or a file) in errors. */
    static Template compile(String text, String name) {
        try {
            return new Template(new StrictFactory().compile(new StringReader(text), name), name);
        } catch (MustacheException e) {
            throw new TemplateException(name + ": not a valid Mustache template: " + e.getMessage());
        }
    }

    /** One-off render. */
    static String render(String text, String name, Map<String, ?> model) {
        return compile(text, name).render(model);
    }

    private static TemplateException translate(RuntimeException e, String name) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownVariable unknown) {
                return new TemplateException(name + (unknown.line > 0 ? " line " + unknown.line : "")
                        + ": unknown template variable '" + unknown.variable + "'");
            }
        }
        return new TemplateException(name + ": cannot render: " + e.getMessage());
    }

    /** Raised inside Mustache's execution; carries the variable out. */
    private static final class UnknownVariable extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;
        final String variable;
        final int line;

        UnknownVariable(String variable, int line) {
            super(variable, null, false, false);
            this.variable = variable;
            this.line = line;
        }
    }

    private static final class StrictFactory extends DefaultMustacheFactory {
        StrictFactory() {
            setObjectHandler(new StrictObjectHandler());
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class StrictObjectHandler extends ReflectionObjectHandler {
        @Override
        public Binding createBinding(String name, TemplateContext context, Code code) {
            Binding binding = super.createBinding(name, context, code);
            if (!(code instanceof ValueCode)) {
                return binding;
            }
            int line = context == null ? 0 : context.line();
            return (List<Object> scopes) -> {
                Object value = binding.get(scopes);
                if (value == null) {
                    throw new UnknownVariable(name, line);
                }
                return value;
            };
        }
    }
}
