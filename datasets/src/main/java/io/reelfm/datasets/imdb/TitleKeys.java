package io.reelfm.datasets.imdb;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys a movie title is matched under across catalogues: MovieLens writes "Usual Suspects,
 * The (1995)" and "Seven (Se7en) (1995)" where IMDb writes "The Usual Suspects" and "Se7en". Each
 * title yields the title itself, with a trailing year dropped, a trailing ", The"-style article
 * moved to the front, and any alternative title in parentheses on its own; every key is lower
 * case, without accents, with only letters and digits.
 */
final class TitleKeys {

    private static final Pattern TRAILING_YEAR = Pattern.compile("\\s*\\(\\d{4}\\)\\s*$");
    private static final Pattern TRAILING_ALTERNATIVE = Pattern.compile("^(.*?)\\s*\\(([^()]+)\\)\\s*$");
    private static final Pattern TRAILING_ARTICLE = Pattern.compile(
            "^(.*),\\s*(the|a|an|les|la|le|l'|il|el|das|der|die|los|las|det|den|de)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private TitleKeys() {
    }

    static List<String> of(String title) {
        if (title == null) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        String base = TRAILING_YEAR.matcher(title.trim()).replaceFirst("");
        add(keys, base);
        Matcher alternative = TRAILING_ALTERNATIVE.matcher(base);
        if (alternative.matches()) {
            add(keys, alternative.group(1));
            add(keys, alternative.group(2));
        }
        keys.remove("");
        return List.copyOf(keys);
    }

    private static void add(Set<String> keys, String title) {
        Matcher article = TRAILING_ARTICLE.matcher(title.trim());
        String fronted = article.matches() ? article.group(2) + " " + article.group(1) : title;
        keys.add(normalise(fronted));
    }

    static String normalise(String title) {
        String plain = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
