package io.triage.worker.classifier;

import io.triage.model.Priority;
import io.triage.worker.category.Category;
import io.triage.worker.config.TriageConfig;
import io.triage.worker.embedding.TicketEmbedder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local model once labelled examples exist: category by a weighted vote of the nearest examples, priority by
 * the nearest examples that carry one, else by urgency cues; the lexical model when no example votes. Pure: the
 * caller finds the neighbours (pgvector in the worker, memory in the evaluation tool).
 */
@ApplicationScoped
public class NeighbourClassifier {

    public static final String MODEL = "knn-" + TicketEmbedder.MODEL;

    private final NeighbourVote vote;
    private final LocalClassifier lexical;

    @Inject
    public NeighbourClassifier(TriageConfig config, LocalClassifier lexical) {
        this(
                new NeighbourVote(
                        config.neighbours().correctionWeight(),
                        config.neighbours().kernelWidth()),
                lexical);
    }

    public NeighbourClassifier(NeighbourVote vote, LocalClassifier lexical) {
        this.vote = vote;
        this.lexical = lexical;
    }

    public Classification classify(TicketText ticket, List<Neighbour> neighbours, List<Category> categories) {
        Set<String> allowed = categories.stream().map(Category::name).collect(Collectors.toSet());
        NeighbourVote.Decision<String> category = vote.category(neighbours, allowed);
        if (category == null) {
            return lexical.classify(ticket, categories);
        }
        NeighbourVote.Decision<Priority> priority = vote.priority(neighbours);
        Priority priorityValue;
        double priorityConfidence;
        if (priority != null) {
            priorityValue = priority.value();
            priorityConfidence = priority.confidence();
        } else {
            PriorityCues.Guess guess = PriorityCues.guess(ticket);
            priorityValue = guess.priority();
            priorityConfidence = guess.confidence();
        }
        return new Classification(
                category.value(),
                category.confidence(),
                priorityValue,
                priorityConfidence,
                Summaries.summarize(ticket),
                null,
                MODEL,
                LocalClassifier.SOURCE,
                category.voters());
    }
}
