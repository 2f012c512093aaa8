package io.triage.ticket.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.assertj.core.api.Assertions;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Intake's parsing and validation over generated input, with the mapper configured as the service configures it
 * (unknown fields fail, enums case-insensitive): any text either fails as a {@link JsonProcessingException}
 * (mapped to a 400 problem) or yields a ticket that validation judges without throwing; and metadata survives its
 * trip through the database column unchanged.
 */
class IntakeParsingPropertyTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .build();

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeContainer
    static void validator() {
        factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterContainer
    static void close() {
        factory.close();
    }

    @Property(tries = 1000)
    void anyTextIsAJsonErrorOrAJudgedTicket(@ForAll("submissions") String body) {
        NewTicket ticket;
        try {
            ticket = MAPPER.readValue(body, NewTicket.class);
        } catch (JsonProcessingException e) {
            return;
        }
        if (ticket == null) {
            return; // "null" is a JSON document; the resource's @NotNull turns it into a 400
        }
        Set<ConstraintViolation<NewTicket>> violations = validator.validate(ticket);
        for (ConstraintViolation<NewTicket> violation : violations) {
            Assertions.assertThat(violation.getPropertyPath().toString()).isNotEmpty();
        }
    }

    @Property(tries = 300)
    void deepNestingIsAJsonErrorNotAStackOverflow(@ForAll("depths") int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        String body =
                "{\"subject\":\"s\",\"body\":\"b\",\"channel\":\"WEB\",\"requester\":{\"email\":\"a@example.com\"},"
                        + "\"metadata\":{\"k\":" + nested + "}}";
        Assertions.assertThatThrownBy(() -> MAPPER.readValue(body, NewTicket.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Property(tries = 300)
    void metadataRoundTripsThroughItsColumn(@ForAll("metadata") Map<String, String> metadata) {
        MetadataConverter converter = new MetadataConverter();
        Assertions.assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(metadata)))
                .isEqualTo(new TreeMap<>(metadata));
    }

    @Provide
    Arbitrary<String> submissions() {
        Arbitrary<String> fragments = Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"subject\"",
                "\"body\"",
                "\"channel\"",
                "\"requester\"",
                "\"email\"",
                "\"metadata\"",
                "\"language\"",
                "\"externalRef\"",
                "\"web\"",
                "\"WEB\"",
                "\"a@example.com\"",
                "null",
                "true",
                "1e999",
                "-0",
                "12345678901234567890",
                "\"\\u0000\"",
                "\"\\ud800\"",
                "\"x\"",
                " ");
        Arbitrary<String> wellFormedish = fragments.list().ofMaxSize(40).map(parts -> String.join("", parts));
        Arbitrary<String> valid = Arbitraries.strings()
                .ofMaxLength(30)
                .map(value -> "{\"subject\":" + quoted(value) + ",\"body\":" + quoted(value)
                        + ",\"channel\":\"EMAIL\",\"requester\":{\"email\":" + quoted(value) + "},\"metadata\":{"
                        + quoted(value) + ":" + quoted(value) + "}}");
        return Arbitraries.oneOf(wellFormedish, valid, Arbitraries.strings().ofMaxLength(200));
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(1_001, 20_000);
    }

    @Provide
    Arbitrary<Map<String, String>> metadata() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(50).filter(IntakeParsingPropertyTest::wellFormed);
        return Arbitraries.maps(text, text).ofMaxSize(20);
    }

    private static String quoted(String value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Strings with lone surrogates cannot be stored as text in PostgreSQL; intake never produces them from UTF-8. */
    private static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
