package io.skysentinel.alerts;

import java.util.Locale;

/**
 * A case-insensitive name pattern: {@code *} any run of characters, {@code ?} one character, everything else itself
 * ({@code UAL*}, {@code EGLL_*}, {@code DLH?2}). A pattern without wildcards is an exact match. The literal text
 * before the first wildcard is what the rule index files a callsign rule under.
 */
public record Glob(String pattern) {

    public Glob {
        pattern = pattern.trim().toUpperCase(Locale.ROOT);
        if (pattern.isEmpty()) throw new IllegalArgumentException("is empty");
        if (pattern.length() > 64) throw new IllegalArgumentException("is longer than 64 characters");
    }

    /** The literal start before the first wildcard; the whole pattern when it has none. */
    public String literalPrefix() {
        int i = firstWildcard();
        return i < 0 ? pattern : pattern.substring(0, i);
    }

    public boolean exact() {
        return firstWildcard() < 0;
    }

    private int firstWildcard() {
        for (int i = 0; i < pattern.length(); i++) if (pattern.charAt(i) == '*' || pattern.charAt(i) == '?') return i;
        return -1;
    }

    /** Whether the upper-case text matches; null never does. */
    public boolean matchesUpper(String upper) {
        return upper != null && match(upper, 0, 0);
    }

    /** Whether the text matches, ignoring case; null never does. */
    public boolean matches(String text) {
        return text != null && match(text.trim().toUpperCase(Locale.ROOT), 0, 0);
    }

    // Backtracking on '*' only: patterns are at most 64 characters and names a few, so this stays tiny.
    private boolean match(String s, int si, int pi) {
        while (pi < pattern.length()) {
            char p = pattern.charAt(pi);
            if (p == '*') {
                if (pi == pattern.length() - 1) return true;
                for (int k = si; k <= s.length(); k++) if (match(s, k, pi + 1)) return true;
                return false;
            }
            if (si >= s.length() || (p != '?' && p != s.charAt(si))) return false;
            si++;
            pi++;
        }
        return si == s.length();
    }
}
