package io.triage.ticket.taxonomy;

public record CategoryView(String name, String description, String team, boolean active) {

    static CategoryView of(Category category) {
        return new CategoryView(category.name, category.description, category.team, category.active);
    }
}
