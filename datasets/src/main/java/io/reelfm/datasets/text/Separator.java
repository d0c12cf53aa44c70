package io.reelfm.datasets.text;

import java.util.List;

/**
 * The literal separator of a delimited text format and how error messages name it, so every
 * reader reports a wrong field count the same way ("expected 4 tab-separated fields, found 3").
 */
public record Separator(String value, String name) {

    public static final Separator TAB = new Separator("\t", "tab");
    public static final Separator PIPE = new Separator("|", "pipe");
    public static final Separator DOUBLE_COLON = new Separator("::", "'::'");

    /** Every field, empty ones included. */
    public List<String> split(String line) {
        return Fields.split(line, value);
    }
}
