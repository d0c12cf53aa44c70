package io.reelfm.ingest.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.reelfm.ingest.validate.Validated;
import io.reelfm.service.http.Json;
import io.reelfm.service.validation.Problem;

class BodyParserTest {

    private final BodyParser parser = new BodyParser(Json.mapper(), 3);

    @Test
    void ndjsonSkipsBlankLinesAndAcceptsCrLf() {
        Validated<BodyParser.Parsed> v = parse("{\"a\":1}\r\n\n{\"a\":2}\n", BodyFormat.NDJSON, BodyParser.Shape.ROWS);

        assertThat(v.value().batch()).isTrue();
        assertThat(v.value().rows()).extracting(n -> n.get("a").asInt()).containsExactly(1, 2);
    }

    @Test
    void malformedNdjsonLinesAreReportedWithRowAndLine() {
        Validated<BodyParser.Parsed> v = new BodyParser(Json.mapper(), 10).parse(
                "{\"a\":1}\n\n{\"a\":\n{\"a\":3}\n{oops}".getBytes(StandardCharsets.UTF_8), BodyFormat.NDJSON, BodyParser.Shape.ROWS);

        assertThat(v.problems()).extracting(Problem::row).containsExactly(1, 3);
        assertThat(v.problems().get(0).message()).startsWith("malformed JSON on line 3");
        assertThat(v.problems().get(1).message()).startsWith("malformed JSON on line 5");
    }

    @Test
    void tooManyNdjsonRowsStopsEarly() {
        Validated<BodyParser.Parsed> v = parse("{}\n{}\n{}\n{}\n{}\n", BodyFormat.NDJSON, BodyParser.Shape.ROWS);

        assertThat(v.problems()).singleElement().extracting(Problem::message).asString().contains("at most 3");
    }

    @Test
    void singleObjectIsNotABatch() {
        Validated<BodyParser.Parsed> v = parse("{\"a\":1}", BodyFormat.JSON, BodyParser.Shape.OBJECT_OR_ROWS);

        assertThat(v.value().batch()).isFalse();
        assertThat(v.value().rows()).hasSize(1);
    }

    @Test
    void trailingGarbageAfterTheObjectIsMalformed() {
        assertThat(parse("{\"a\":1} {\"a\":2}", BodyFormat.JSON, BodyParser.Shape.OBJECT).problems())
                .singleElement().extracting(Problem::message).asString().startsWith("malformed JSON");
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(parser.parse(body, BodyFormat.JSON, BodyParser.Shape.OBJECT).problems())
                .singleElement().extracting(Problem::message).asString().contains("malformed JSON");
    }

    @Test
    void invalidUtf8InAnNdjsonLineIsMalformedNotReplaced() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'};
        assertThat(parser.parse(body, BodyFormat.NDJSON, BodyParser.Shape.ROWS).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.row()).isZero();
                    assertThat(p.message()).contains("malformed JSON on line 1");
                });
    }

    @Test
    void whitespaceOnlyBodyIsEmpty() {
        assertThat(parse(" \n ", BodyFormat.JSON, BodyParser.Shape.OBJECT).problems())
                .containsExactly(Problem.of(null, "request body is empty"));
    }

    private Validated<BodyParser.Parsed> parse(String body, BodyFormat format, BodyParser.Shape shape) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), format, shape);
    }
}
