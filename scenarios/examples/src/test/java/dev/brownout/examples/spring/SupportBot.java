package dev.brownout.examples.spring;

import dev.langchain4j.model.chat.ChatModel;

/** The application under test: a support bot that answers a customer's question through an LLM. */
public class SupportBot {

    private final ChatModel model;

    public SupportBot(ChatModel model) {
        this.model = model;
    }

    public String answer(String question) {
        return model.chat(question);
    }
}
