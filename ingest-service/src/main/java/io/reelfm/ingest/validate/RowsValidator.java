package io.reelfm.ingest.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.service.validation.Problem;

/**
 * Validates every row of a request and keeps the all-or-nothing promise: either all rows are
 * valid and all values are returned, or none are and every row's problems come back tagged
 * with the row's index. Rows that share a key which must be unique (such as eventId) are a
 * problem too, since downstream dedupe would silently drop all but one of them.
 */
public final class RowsValidator {

    private RowsValidator() {
    }

    /**
     * @param tagRows   whether problems carry a row index (batches) or not (single-object requests)
     * @param uniqueKey the field whose value must be unique within the request, or null
     */
    public static <T> Validated<List<T>> validate(List<JsonNode> rows, Function<JsonNode, Validated<T>> validator,
                                                  boolean tagRows, String uniqueKey, Function<T, String> keyOf) {
        List<T> values = new ArrayList<>(rows.size());
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstRowByKey = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Validated<T> v = validator.apply(rows.get(i));
            final int row = i;
            if (!v.ok()) {
                v.problems().forEach(p -> problems.add(tagRows ? p.atRow(row) : p));
                continue;
            }
            values.add(v.value());
            if (uniqueKey != null) {
                Integer first = firstRowByKey.putIfAbsent(keyOf.apply(v.value()), i);
                if (first != null) {
                    problems.add(new Problem(tagRows ? i : null, uniqueKey, "duplicates the " + uniqueKey + " of row " + first));
                }
            }
        }
        return problems.isEmpty() ? new Validated<>(values, List.of()) : new Validated<>(null, problems);
    }
}
