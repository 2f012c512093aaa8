package io.triage.ticket.taxonomy;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.triage.ticket.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CategoryService {

    private final CategoryRepository categories;

    public CategoryService(CategoryRepository categories) {
        this.categories = categories;
    }

    /** @param active only active (true) or inactive (false) categories, or all when {@code null} */
    @WithSession
    public Uni<List<CategoryView>> list(Boolean active) {
        return categories
                .all(active)
                .map(list -> list.stream().map(CategoryView::of).toList());
    }

    @WithTransaction
    public Uni<CategoryView> create(NewCategory request) {
        Category category = new Category();
        category.name = request.name();
        category.description = request.description().strip();
        category.team = request.team().strip();
        category.active = request.active() == null || request.active();
        return categories.insertIfAbsent(category).map(created -> {
            if (!created) {
                throw new ProblemException(
                        409,
                        "category-exists",
                        "Category already exists",
                        "A category named '" + category.name + "' already exists; update it instead.");
            }
            return CategoryView.of(category);
        });
    }

    /** @return the updated category, or {@code null} when there is none by that name */
    @WithTransaction
    public Uni<CategoryView> update(String name, CategoryUpdate request) {
        return categories.findById(name).onItem().ifNotNull().transform(category -> {
            category.description = request.description().strip();
            category.team = request.team().strip();
            category.active = request.active();
            return CategoryView.of(category);
        });
    }

    /**
     * Categories are deactivated, never removed: tickets, corrections and training examples keep naming them.
     *
     * @return the deactivated category, or {@code null} when there is none by that name
     */
    @WithTransaction
    public Uni<CategoryView> deactivate(String name) {
        return categories.findById(name).onItem().ifNotNull().transform(category -> {
            category.active = false;
            return CategoryView.of(category);
        });
    }
}
