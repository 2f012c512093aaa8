package io.triage.ticket.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.triage.model.Channel;
import io.triage.model.Priority;
import io.triage.model.TicketStatus;
import io.triage.ticket.audit.AuditView;
import io.triage.ticket.reply.ReplyView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A ticket as the API returns it. List items carry the ticket and its latest triage's badges; a single ticket also
 * carries its current triage, triage history, replies, corrections and audit trail (absent from list items).
 */
@Schema(name = "Ticket")
public record TicketView(
        UUID id,
        @Schema(examples = "Card declined at checkout") String subject,
        String body,
        Requester requester,
        Channel channel,
        String externalRef,
        String language,
        Map<String, String> metadata,
        @Schema(examples = "TRIAGED") TicketStatus status,
        @Schema(examples = "billing") String category,
        @Schema(examples = "HIGH") Priority priority,
        @Schema(examples = "payments") String team,
        String summary,
        @Schema(examples = "alice") String assignee,

        @Schema(description = "The user or client that submitted the ticket", examples = "service-account-crm")
        String submittedBy,

        @Schema(description = "Changes with every update; sent as the ETag")
        long version,

        Instant createdAt,
        Instant updatedAt,
        Instant triagedAt,
        SlaView sla,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The latest triage's confidences and per-field outcomes; only on list items")
        Badges badges,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The latest triage; only on a single ticket")
        TriageView triage,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Every triage, oldest first; only on a single ticket")
        List<TriageView> triageHistory,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Oldest first; only on a single ticket")
        List<ReplyView> replies,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Agents' overrides of AI values; only on a single ticket")
        List<CorrectionView> corrections,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Who or which model changed what, oldest first; only on a single ticket")
        List<AuditView> audit) {

    public record Requester(String name, String email) {}

    @Schema(
            name = "TriageBadges",
            description = "What a queue row shows of the latest triage; every field null until the ticket is triaged")
    public record Badges(
            @Schema(description = "What the AI chose, also when it only suggested it", examples = "billing")
            String category,

            @Schema(examples = "0.91") Double categoryConfidence,

            @Schema(description = "What the AI chose, also when it only suggested it", examples = "HIGH")
            Priority priority,

            @Schema(examples = "0.74") Double priorityConfidence,

            @Schema(
                    description = "Per field: applied, suggested or abstained",
                    examples = "{\"category\":\"applied\",\"priority\":\"suggested\"}")
            JsonNode fieldOutcomes) {

        static final Badges NONE = new Badges(null, null, null, null, null);
    }

    @Schema(name = "Triage", description = "What the triage model chose, with confidences between 0 and 1")
    public record TriageView(
            @Schema(examples = "billing") String category,
            @Schema(examples = "0.91") Double categoryConfidence,
            @Schema(examples = "HIGH") Priority priority,
            @Schema(examples = "0.74") Double priorityConfidence,
            String summary,
            String draftReply,
            @Schema(examples = "knn-bge-small-en-v1.5") String model,
            @Schema(examples = "LOCAL") String source,
            int latencyMs,
            Instant createdAt,
            String rationale,
            String sentiment,
            String language,
            String promptVersion,

            @Schema(description = "Per field: applied, suggested or abstained", examples = "{\"category\":\"applied\"}")
            JsonNode fieldOutcomes,

            Integer promptTokens,
            Integer completionTokens,
            BigDecimal costUsd) {

        static TriageView of(Triage triage, JsonNode fieldOutcomes) {
            return new TriageView(
                    triage.category,
                    triage.categoryConfidence,
                    triage.priority,
                    triage.priorityConfidence,
                    triage.summary,
                    triage.draftReply,
                    triage.model,
                    triage.source,
                    triage.latencyMs,
                    triage.createdAt,
                    triage.rationale,
                    triage.sentiment,
                    triage.language,
                    triage.promptVersion,
                    fieldOutcomes,
                    triage.promptTokens,
                    triage.completionTokens,
                    triage.costUsd);
        }
    }

    @Schema(name = "Correction", description = "An agent overriding a value the triage model chose")
    public record CorrectionView(
            @Schema(examples = "category") String field,
            @Schema(examples = "billing") String aiValue,
            @Schema(examples = "shipping") String agentValue,
            @Schema(examples = "alice") String agent,
            Instant createdAt) {

        static CorrectionView of(Correction correction) {
            return new CorrectionView(
                    correction.field,
                    correction.aiValue,
                    correction.agentValue,
                    correction.agent,
                    correction.createdAt);
        }
    }

    /** The ticket alone, as in events. */
    static TicketView summary(Ticket ticket, SlaView sla) {
        return detail(ticket, sla, null, null, null, null, null);
    }

    /** A list row: the ticket and its badges. */
    static TicketView listItem(Ticket ticket, SlaView sla, Badges badges) {
        return create(ticket, sla, badges, null, null, null, null, null);
    }

    static TicketView detail(
            Ticket ticket,
            SlaView sla,
            TriageView triage,
            List<TriageView> triageHistory,
            List<ReplyView> replies,
            List<CorrectionView> corrections,
            List<AuditView> audit) {
        return create(ticket, sla, null, triage, triageHistory, replies, corrections, audit);
    }

    private static TicketView create(
            Ticket ticket,
            SlaView sla,
            Badges badges,
            TriageView triage,
            List<TriageView> triageHistory,
            List<ReplyView> replies,
            List<CorrectionView> corrections,
            List<AuditView> audit) {
        return new TicketView(
                ticket.id,
                ticket.subject,
                ticket.body,
                new Requester(ticket.requesterName, ticket.requesterEmail),
                ticket.channel,
                ticket.externalRef,
                ticket.language,
                ticket.metadata,
                ticket.status,
                ticket.category,
                ticket.priority,
                ticket.team,
                ticket.summary,
                ticket.assignee,
                ticket.clientId,
                ticket.version,
                ticket.createdAt,
                ticket.updatedAt,
                ticket.triagedAt,
                sla,
                badges,
                triage,
                triageHistory,
                replies,
                corrections,
                audit);
    }
}
