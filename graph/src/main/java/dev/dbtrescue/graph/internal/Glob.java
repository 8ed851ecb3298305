// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Python's {@code fnmatch.fnmatchcase}, which dbt uses for wildcards: {@code *} matches any run of characters
 * (including {@code .} and {@code /}), {@code ?} one character, {@code [abc]}, {@code [a-z]} and {@code [!abc]}
 * classes; an unclosed {@code [} is a literal. Case-sensitive (dbt's behaviour on POSIX systems).
 *
 * <p>Thread-safe; compiled patterns are cached.
 */
public final class Glob {

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Glob() {}

    /** True if {@code text} matches the whole {@code pattern}. */
    public static boolean matches(String pattern, String text) {
        if (!hasWildcard(pattern)) {
            return pattern.equals(text);
        }
        return CACHE.computeIfAbsent(pattern, Glob::compile).matcher(text).matches();
    }

    /** True if the pattern has a character that fnmatch treats specially. */
    public static boolean hasWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** The regular expression fnmatch builds for a pattern (translated as CPython's {@code fnmatch.translate}). */
    static Pattern compile(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                while (i < n && pattern.charAt(i) == '*') {
                    i++;
                }
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    String stuff = pattern.substring(i, j);
                    i = j + 1;
                    re.append(characterClass(stuff));
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(re.toString(), Pattern.DOTALL);
        } catch (java.util.regex.PatternSyntaxException e) {
            return Pattern.compile("(?!)"); // e.g. a reversed range [z-a], which fnmatch drops: matches nothing
        }
    }

    private static String characterClass(String stuff) {
        boolean negate = stuff.startsWith("!");
        String body = negate ? stuff.substring(1) : stuff;
        StringBuilder out = new StringBuilder("[");
        if (negate) {
            out.append('^');
        }
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            boolean range = c == '-' && k > 0 && k < body.length() - 1;
            if (range && body.charAt(k - 1) > body.charAt(k + 1)) {
                return "(?!)"; // simplification of CPython, which drops the reversed range only
            }
            if (range) {
                out.append('-');
            } else if (c == '\\' || c == '[' || c == ']' || c == '^' || c == '&' || c == '-') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        if (body.isEmpty()) {
            return negate ? "." : "(?!)";
        }
        return out.append(']').toString();
    }
}
