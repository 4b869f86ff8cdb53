package dev.brownout.examples.spring;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's configuration: its LLM's address and key come from properties ({@code llm.base-url},
 * {@code llm.api-key}), as they would from {@code application.yml} in production.
 */
@SpringBootConfiguration
public class SupportBotApplication {

    @Bean
    ChatModel chatModel(@Value("${llm.base-url}") String baseUrl, @Value("${llm.api-key}") String apiKey,
                        @Value("${llm.model}") String model) {
        return AnthropicChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model)
                .maxTokens(48).maxRetries(2).build();
    }

    @Bean
    SupportBot supportBot(ChatModel chatModel) {
        return new SupportBot(chatModel);
    }
}
