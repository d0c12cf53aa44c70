package io.reelfm.datasets.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvParserTest {

    @Test
    void splitsPlainFieldsKeepingEmptyOnesIncludingTrailing() throws Exception {
        assertThat(CsvParser.parse("1,Toy Story (1995),Adventure|Animation")).containsExactly("1", "Toy Story (1995)",
                "Adventure|Animation");
        assertThat(CsvParser.parse("a,,c,")).containsExactly("a", "", "c", "");
        assertThat(CsvParser.parse("")).containsExactly("");
    }

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() throws Exception {
        assertThat(CsvParser.parse("11,\"American President, The (1995)\",Comedy|Drama|Romance"))
                .containsExactly("11", "American President, The (1995)", "Comedy|Drama|Romance");
        assertThat(CsvParser.parse("2,\"\"\"Great Performances\"\" Cats (1998)\",Musical"))
                .containsExactly("2", "\"Great Performances\" Cats (1998)", "Musical");
        assertThat(CsvParser.parse("\"\",x")).containsExactly("", "x");
    }

    @Test
    void quotedFieldsMayHoldLineBreaks() throws Exception {
        assertThat(CsvParser.parse("1,\"two\nlines\",z")).containsExactly("1", "two\nlines", "z");
    }

    @Test
    void recordEndingInsideQuotesIsReportedAsUnterminated() {
        assertThatThrownBy(() -> CsvParser.parse("1,\"open title,Drama"))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.unterminated()).isTrue();
                    assertThat(e.column()).isEqualTo(3);
                });
    }

    @Test
    void quoteInsideAnUnquotedFieldIsAnError() {
        assertThatThrownBy(() -> CsvParser.parse("1,ab\"c,Drama"))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.unterminated()).isFalse();
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("quote inside unquoted field");
                });
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertThatThrownBy(() -> CsvParser.parse("1,\"title\"x,Drama"))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.unterminated()).isFalse();
                    assertThat(e.getMessage()).contains("after closing quote");
                });
    }
}
