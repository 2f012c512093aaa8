package io.triage.ticket.ticket;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TicketPage", description = "One page of tickets")
public record TicketPage(
        List<TicketView> items,

        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        String nextCursor) {}
