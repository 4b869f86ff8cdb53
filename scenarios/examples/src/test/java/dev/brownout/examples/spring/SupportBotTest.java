package dev.brownout.examples.spring;

import dev.brownout.Faults;
import dev.brownout.WorldProvider;
import dev.brownout.junit.BrownoutExtension;
import dev.brownout.junit.ProviderName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.brownout.assertj.BrownoutAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Spring Boot application pointed at the world: the extension starts the world before Spring builds the
 * context, and {@code @DynamicPropertySource} hands the application the primary provider's address and key.
 */
// README: junit-spring
@SpringBootTest(classes = SupportBotApplication.class)
class SupportBotTest {

    @RegisterExtension
    static BrownoutExtension brownout = BrownoutExtension.newInstance()
            .scenario("classpath:/overloaded-primary.yaml")
            .build();

    @DynamicPropertySource
    static void llmProperties(DynamicPropertyRegistry registry) {
        registry.add("llm.base-url", () -> brownout.world().provider("primary").baseUrl() + "/v1/");
        registry.add("llm.api-key", () -> brownout.world().provider("primary").apiKey());
        registry.add("llm.model", () -> "frontier");
    }

    @Autowired
    SupportBot bot;

    @Test
    void answersThroughTheWorld(@ProviderName("primary") WorldProvider primary) {
        String answer = bot.answer("[brownout-task id=spring-1 kind=arithmetic difficulty=1]\nWhat is 2 + 3?");

        assertThat(answer).isNotBlank();
        assertThat(primary.ledger()).hasAtMostAttemptsPerTask(1);
    }

    @Test
    void givesUpAfterItsRetryBudgetWhenThePrimaryIsOverloaded(@ProviderName("primary") WorldProvider primary) {
        primary.behaviour(Faults.error(529));                // every call refused, for this test only

        assertThatThrownBy(() -> bot.answer("[brownout-task id=spring-2 kind=arithmetic difficulty=1]\nWhat is 2 + 3?"))
                .hasMessageContaining("overloaded");        // the provider's own error, surfaced by the client
        assertThat(primary.ledger()).hasSize(3);             // 1 try + the 2 retries the application configured
    }
}
// README end
