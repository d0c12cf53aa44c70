package io.reelfm.ingest.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyFormatTest {

    @ParameterizedTest
    @CsvSource({
            "application/json, JSON",
            "Application/JSON; charset=utf-8, JSON",
            "application/json;charset=\"UTF-8\", JSON",
            "application/x-ndjson, NDJSON",
            "application/jsonl, NDJSON"})
    void recognisedContentTypes(String contentType, BodyFormat expected) {
        assertThat(BodyFormat.fromContentType(contentType)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/json; charset=utf-16", "", "multipart/form-data"})
    void otherContentTypesAreRefused(String contentType) {
        assertThat(BodyFormat.fromContentType(contentType)).isEmpty();
    }
}
