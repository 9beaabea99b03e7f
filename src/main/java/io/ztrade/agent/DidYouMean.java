package io.ztrade.agent;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The closest known name to a misspelt one (Levenshtein, case-insensitive), for the route files' problems. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** "; did you mean 'x'?" for the closest known name a typo away, else the fallback. */
    public static String suggestion(String name, List<String> known, String fallback) {
        if (name != null) {
            Optional<String> closest = known.stream()
                    .min(Comparator.comparingInt(k -> distance(name.toLowerCase(), k.toLowerCase())));
            if (closest.isPresent() && distance(name.toLowerCase(), closest.get().toLowerCase()) <= Math.max(2, name.length() / 4)) {
                return "; did you mean '" + closest.get() + "'?";
            }
        }
        return fallback;
    }

    static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
