package io.triage.ticket.ticket;

import io.triage.model.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client submits to open a ticket. */
@Schema(name = "NewTicket", description = "A support request to open as a ticket")
public record NewTicket(
        @NotBlank @Size(max = 200) @Schema(examples = "Card declined at checkout")
        String subject,

        @NotBlank
        @Size(max = 20_000)
        @Schema(examples = "My card was declined twice today although my balance is fine. Order 1234.")
        String body,

        @NotNull @Valid Requester requester,
        @NotNull @Schema(examples = "WEB") Channel channel,

        @Size(max = 200) @Schema(description = "The submitting system's own id for this request")
        String externalRef,

        @Size(max = 16) @Pattern(regexp = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$") @Schema(examples = "en")
        String language,

        @Size(max = 20)
        @Schema(
                description = "Context from the submitting system: at most 20 entries, keys up to 64 characters,"
                        + " values up to 500",
                examples = "{\"orderId\":\"1234\",\"plan\":\"premium\"}")
        Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 500) String> metadata) {

    public record Requester(
            @Size(max = 200) @Schema(examples = "Ada Lovelace")
            String name,

            @NotBlank @Email @Size(max = 320) @Schema(examples = "ada@example.com")
            String email) {}
}
