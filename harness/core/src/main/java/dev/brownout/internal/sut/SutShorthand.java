package dev.brownout.internal.sut;

import dev.brownout.input.FileProblem;

import java.util.List;

/** The {@code --sut} shorthands, for a SUT that needs no file. */
final class SutShorthand {

    static final String ORIGIN = "--sut";
    static final String FORMS = "reference:naive, reference:resilient, "
            + "openai-chat=URL (e.g. openai-chat=http://127.0.0.1:8787/v1), "
            + "openai-responses=URL (e.g. openai-responses=http://127.0.0.1:8787/v1), "
            + "anthropic-messages=URL (e.g. anthropic-messages=http://127.0.0.1:8787), "
            + "gemini=URL (e.g. gemini=http://127.0.0.1:8787), or the path of a SUT file (.yaml)";

    private SutShorthand() {
    }

    static boolean looksLikeOne(String text) {
        int equals = text.indexOf('=');
        return text.startsWith("reference:") || equals > 0
                && SutAdapter.fromLabel(text.substring(0, equals)).filter(SutAdapter::speaksAnLlmApi).isPresent();
    }

    static SutSpec parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.startsWith("reference:")) {
            String gateway = value.substring("reference:".length());
            if (gateway.equals(SutSpec.NAIVE) || gateway.equals(SutSpec.RESILIENT)) {
                return new SutSpec("reference-" + gateway, SutAdapter.REFERENCE, null, null, null, null, null,
                        SutSpec.DEFAULT_MAX_TOKENS, gateway, null, null, null, null);
            }
            throw problem("'" + value + "' names no reference gateway; use reference:naive or reference:resilient");
        }
        int equals = value.indexOf('=');
        if (equals > 0) {
            SutAdapter adapter = SutAdapter.fromLabel(value.substring(0, equals)).orElse(null);
            if (adapter != null && adapter.speaksAnLlmApi()) {
                String url = value.substring(equals + 1);
                String why = SutSemantics.absoluteHttpUrlProblem(url);
                if (why != null) {
                    throw problem("'" + url + "' " + why);
                }
                return new SutSpec(adapter.label(), adapter, url, null, null, null, null,
                        SutSpec.DEFAULT_MAX_TOKENS, null, null, null, null, null);
            }
        }
        throw problem("'" + value + "' is not a SUT");
    }

    private static SutSpecException problem(String what) {
        return new SutSpecException(List.of(new FileProblem(ORIGIN, 0, 0, "", what + ". Accepted forms: " + FORMS)));
    }
}
