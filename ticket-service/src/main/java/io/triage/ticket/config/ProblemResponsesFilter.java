package io.triage.ticket.config;

import io.triage.ticket.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Every error this service returns is problem+json (ProblemMappers), so the document says so for every 4xx/5xx
 * response once here, instead of each endpoint repeating the media type and schema.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            boolean error = code.startsWith("4") || code.startsWith("5");
            boolean described = response.getContent() != null
                    && response.getContent().getMediaTypes() != null
                    && !response.getContent().getMediaTypes().isEmpty();
            if (error && !described) {
                response.setContent(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
            }
        });
        return operation;
    }
}
