package io.triage.worker.classifier;

import io.triage.model.Priority;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Weighted vote of the nearest labelled examples; shared by the worker and the evaluation tool so that the figures
 * measured are those of the code that runs.
 *
 * <p>Each neighbour weighs {@code sourceWeight * exp((similarity - 1) / kernelWidth)}: a near-duplicate outweighs a
 * loosely related example by orders of magnitude, so one correction of the same text decides the next ticket, while
 * a crowd of moderately similar examples still votes when there is no near-duplicate. The confidence of a label is
 * its share of the total weight. That share is a score, not yet a probability; the evaluation tool prints the
 * accuracy observed at each confidence threshold on a validation split, which is how the thresholds of the cascade
 * are chosen (benchmarks/triage/README.md).
 */
public final class NeighbourVote {

    private final double correctionWeight;
    private final double kernelWidth;

    public NeighbourVote(double correctionWeight, double kernelWidth) {
        this.correctionWeight = correctionWeight;
        this.kernelWidth = kernelWidth;
    }

    /** The winning category among the allowed ones, or {@code null} when no neighbour has an allowed category. */
    public Decision<String> category(List<Neighbour> neighbours, Set<String> allowed) {
        return vote(
                neighbours.stream()
                        .filter(n -> n.category() != null && allowed.contains(n.category()))
                        .toList(),
                Neighbour::category,
                new HashMap<>());
    }

    /** The winning priority, or {@code null} when no neighbour carries one. */
    public Decision<Priority> priority(List<Neighbour> neighbours) {
        return vote(
                neighbours.stream().filter(n -> n.priority() != null).toList(),
                Neighbour::priority,
                new EnumMap<>(Priority.class));
    }

    public double weight(Neighbour neighbour) {
        double source = neighbour.isCorrection() ? correctionWeight : 1.0;
        return source * Math.exp((neighbour.similarity() - 1.0) / kernelWidth);
    }

    private <T> Decision<T> vote(List<Neighbour> voters, Function<Neighbour, T> label, Map<T, Double> totals) {
        if (voters.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (Neighbour neighbour : voters) {
            double weight = weight(neighbour);
            totals.merge(label.apply(neighbour), weight, Double::sum);
            sum += weight;
        }
        T best = null;
        double bestWeight = -1;
        // Ties go to the label of the nearest neighbour: voters arrive nearest first.
        for (Neighbour neighbour : voters) {
            T value = label.apply(neighbour);
            double weight = totals.get(value);
            if (weight > bestWeight) {
                best = value;
                bestWeight = weight;
            }
        }
        return new Decision<>(best, sum > 0 ? bestWeight / sum : 0, voters);
    }

    /**
     * @param confidence the winner's share of the vote weight, in [0, 1]
     * @param voters the neighbours that voted, nearest first
     */
    public record Decision<T>(T value, double confidence, List<Neighbour> voters) {}
}
