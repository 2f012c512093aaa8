package io.triage.ticket.taxonomy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A ticket category: which team owns such tickets, and the description the language model classifies by. */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {

    /**
     * Names end up in URLs, prompts and CSV files: one token, no spaces, slashes or control characters. Labels of
     * imported datasets keep their spelling (BANKING77 has {@code Refund_not_showing_up}), so case and most
     * punctuation are allowed.
     */
    public static final String NAME_PATTERN = "[^\\s/\\\\\\p{Cntrl}]+";

    public static final String NAME_RULE = "must be one word: no spaces, slashes or control characters";

    @Id
    public String name;

    public String description;

    public String team;

    public boolean active;
}
