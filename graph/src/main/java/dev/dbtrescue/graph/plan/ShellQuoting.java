// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell quoting: a word comes back from {@code sh} exactly as given, whatever characters it holds. */
public final class ShellQuoting {

    private ShellQuoting() {}

    /**
     * The word, unquoted when it holds only characters no POSIX shell treats specially, else in single quotes with
     * each embedded single quote written as {@code '\''}.
     */
    public static String quote(String word) {
        if (!word.isEmpty() && isPlain(word)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words quoted and joined by single spaces: a command line {@code sh} splits back into the same words. */
    public static String join(List<String> words) {
        return words.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }

    private static boolean isPlain(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || c == '.'
                    || c == '/'
                    || c == ':'
                    || c == ','
                    || c == '@'
                    || c == '%'
                    || c == '+'
                    || c == '=';
            if (!safe) {
                return false;
            }
        }
        // '=' or '@' at the start, or a leading '-' are fine for sh; '~' and '=' handling differ only unquoted at word
        // start in some shells ('=' in zsh), so a leading '=' is quoted
        return word.charAt(0) != '=';
    }
}
