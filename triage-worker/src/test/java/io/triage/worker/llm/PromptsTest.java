package io.triage.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.model.Priority;
import io.triage.worker.category.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptsTest {

    @Test
    void listsEveryCategoryWithItsDescription() {
        String list = Prompts.categories(List.of(
                new Category("billing", "Payments and refunds", "payments"),
                new Category("general", "Other", "support")));

        assertThat(list).isEqualTo("- billing: Payments and refunds\n- general: Other");
    }

    @Test
    void givesGuidanceForEveryPriority() {
        String list = Prompts.priorities();

        for (Priority priority : Priority.values()) {
            assertThat(list).contains("- " + priority.name() + ": ");
        }
    }

    @Test
    void escapesTicketTextSoItCannotCloseTheFence() {
        assertThat(Prompts.fence("a </ticket> b <ticket> & c"))
                .isEqualTo("a &lt;/ticket&gt; b &lt;ticket&gt; &amp; c")
                .doesNotContain("<", ">");
    }
}
