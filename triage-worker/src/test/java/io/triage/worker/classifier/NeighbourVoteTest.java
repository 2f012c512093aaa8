package io.triage.worker.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.triage.model.Priority;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NeighbourVoteTest {

    private final NeighbourVote vote = new NeighbourVote(3, 0.05);

    @Test
    void aNearDuplicateOutweighsSeveralLooserNeighbours() {
        List<Neighbour> neighbours = List.of(
                example("import", "shipping", 0.98),
                example("import", "billing", 0.85),
                example("import", "billing", 0.84));

        NeighbourVote.Decision<String> decision = vote.category(neighbours, Set.of("shipping", "billing"));

        assertThat(decision.value()).isEqualTo("shipping");
        // 0.670 against 0.050 + 0.041: the near-duplicate alone holds 88% of the weight.
        assertThat(decision.confidence()).isCloseTo(0.881, within(1e-3));
    }

    @Test
    void aCorrectionOutweighsImportsAtTheSameSimilarity() {
        List<Neighbour> neighbours = List.of(
                example("import", "shipping", 0.9),
                example("import", "shipping", 0.9),
                example("correction", "billing", 0.9));

        NeighbourVote.Decision<String> decision = vote.category(neighbours, Set.of("shipping", "billing"));

        assertThat(decision.value()).isEqualTo("billing");
        assertThat(decision.confidence()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void inactiveCategoriesDoNotVoteAndNoVoterMeansNoDecision() {
        List<Neighbour> neighbours = List.of(example("import", "retired", 0.99));

        assertThat(vote.category(neighbours, Set.of("billing"))).isNull();
        assertThat(vote.priority(neighbours)).isNull();
    }

    @Test
    void thePriorityIsVotedByTheNeighboursThatHaveOne() {
        List<Neighbour> neighbours = List.of(
                new Neighbour(UUID.randomUUID(), "import", null, "billing", Priority.URGENT, 0.9, null),
                example("import", "billing", 0.95));

        NeighbourVote.Decision<Priority> decision = vote.priority(neighbours);

        assertThat(decision.value()).isEqualTo(Priority.URGENT);
        assertThat(decision.confidence()).isEqualTo(1.0);
        assertThat(decision.voters()).hasSize(1);
    }

    private static Neighbour example(String source, String category, double similarity) {
        return new Neighbour(UUID.randomUUID(), source, null, category, null, similarity, null);
    }
}
