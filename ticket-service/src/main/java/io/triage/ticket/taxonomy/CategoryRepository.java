package io.triage.ticket.taxonomy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, String> {

    public Uni<List<Category>> all(Boolean active) {
        Sort byName = Sort.ascending("name");
        return active == null ? listAll(byName) : list("active", byName, active);
    }

    /**
     * Inserts unless the name is taken. {@code ON CONFLICT} rather than a read first, so two admins creating the
     * same name at once get one success and one conflict, never a constraint-violation failure.
     *
     * @return whether the category was created
     */
    public Uni<Boolean> insertIfAbsent(Category category) {
        return getSession()
                .chain(session -> session.createNativeQuery(
                                "INSERT INTO category (name, description, team, active) VALUES (?1, ?2, ?3, ?4)"
                                        + " ON CONFLICT (name) DO NOTHING")
                        .setParameter(1, category.name)
                        .setParameter(2, category.description)
                        .setParameter(3, category.team)
                        .setParameter(4, category.active)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
