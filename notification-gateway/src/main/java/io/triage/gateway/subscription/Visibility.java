package io.triage.gateway.subscription;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which tickets a connection may see at all, whatever it subscribes to: its own teams' tickets for an agent whose
 * token names teams, everything for admins, service accounts and agents without teams. Tickets that no team owns yet
 * (not triaged) are visible to every agent, as any of them may have to triage one by hand.
 */
public record Visibility(Set<String> teams) {

    /** Keycloak's realm maps the user attribute {@code team} into this claim (one value or several). */
    static final String TEAM_CLAIM = "team";

    /** The claim other token issuers (and test-support's tokens) use: an array of team names. */
    static final String TEAMS_CLAIM = "teams";

    public static final Visibility EVERYTHING = new Visibility(Set.of());

    public Visibility {
        teams = Set.copyOf(teams);
    }

    public static Visibility of(SecurityIdentity identity) {
        if (identity.hasRole("admin") || identity.hasRole("integration")) {
            return EVERYTHING;
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return EVERYTHING;
        }
        Set<String> teams = new TreeSet<>();
        addClaim(teams, token.getClaim(TEAMS_CLAIM));
        addClaim(teams, token.getClaim(TEAM_CLAIM));
        return new Visibility(teams);
    }

    /** Whether every ticket is visible: no team restriction applies. */
    public boolean unrestricted() {
        return teams.isEmpty();
    }

    public boolean allows(io.triage.model.TicketSnapshot ticket) {
        return teams.isEmpty() || ticket.team() == null || teams.contains(ticket.team());
    }

    private static void addClaim(Set<String> teams, Object claim) {
        if (claim instanceof JsonArray array) {
            array.forEach(value -> addValue(teams, value));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> addValue(teams, value));
        } else {
            addValue(teams, claim);
        }
    }

    private static void addValue(Set<String> teams, Object value) {
        String team = null;
        if (value instanceof JsonString json) {
            team = json.getString();
        } else if (value instanceof String text) {
            team = text;
        } else if (value != null && !(value instanceof JsonValue)) {
            team = value.toString();
        }
        if (team != null && !team.isBlank()) {
            teams.add(team.strip());
        }
    }
}
