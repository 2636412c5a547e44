package io.livedrop.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.error.FieldViolation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TextInputAdviceTests {

    record Card(String type, String token) {}

    record Payment(String orderId, Card paymentMethod, List<String> tags, Map<String, String> labels) {}

    record Profile(
            String name, @FreeText String bio, @OpaqueText String password, Optional<String> nickname) {}

    @Test
    void acceptsCleanText() {
        assertThat(TextInputAdvice.violations(new Profile("Ada", "Line\r\nTwo\tTab", "any\0thing", Optional.of("A"))))
                .isEmpty();
    }

    @Test
    void singleLineFieldsRefuseEveryControlCharacter() {
        for (String bad : List.of("\0", "a\tb", "a\nb", "a\rb", "\u001f", "\u0007")) {
            assertThat(TextInputAdvice.violations(new Profile(bad, null, null, Optional.empty())))
                    .as(bad)
                    .containsExactly(new FieldViolation("name", ControlCharacters.SINGLE_LINE_MESSAGE));
        }
    }

    @Test
    void freeTextAllowsTabAndLineBreaksOnly() {
        assertThat(TextInputAdvice.violations(new Profile("Ada", "x\u0000", null, Optional.of("n\u0001"))))
                .containsExactly(
                        new FieldViolation("bio", ControlCharacters.FREE_TEXT_MESSAGE),
                        new FieldViolation("nickname", ControlCharacters.SINGLE_LINE_MESSAGE));
    }

    @Test
    void namesNestedFieldsListElementsAndMapEntries() {
        var payment = new Payment(
                "o\u0000", new Card("card", "tok\u0000"), List.of("ok", "b\u0000d"), Map.of("k\u0000", "v"));

        assertThat(TextInputAdvice.violations(payment))
                .extracting(FieldViolation::field)
                .containsExactly("orderId", "paymentMethod.token", "tags[1]", "labels.k?");
    }

    @Test
    void checksJsonNodeBodies() {
        var node = JsonMapper.builder().build().readTree("{\"a\":{\"b\":[\"x\",\"y\\u0000\"]},\"c\\u0001\":1}");

        assertThat(TextInputAdvice.violations(node))
                .extracting(FieldViolation::field)
                .containsExactly("a.b[1]", "c?");
    }
}
