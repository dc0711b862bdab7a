package org.paternoster.assign;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell would for the simple cases: blanks
 * separate words, {@code '...'} is literal, {@code "..."} is literal except {@code \"} and
 * {@code \\}, and outside quotes a backslash escapes the next character. No variables, globs,
 * pipes or redirections.
 */
public final class ShellWords {
  private ShellWords() {}

  /** Throws {@link IllegalArgumentException} for an unterminated quote or a trailing backslash. */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) words.add(word.toString());
        word.setLength(0);
        inWord = false;
        continue;
      }
      inWord = true;
      if (c == '\'') {
        int end = closing(line, i, '\'');
        word.append(line, i + 1, end);
        i = end;
      } else if (c == '"') {
        i = doubleQuoted(line, i, word);
      } else if (c == '\\') {
        if (++i == line.length()) throw new IllegalArgumentException("trailing backslash in: " + line);
        word.append(line.charAt(i));
      } else {
        word.append(c);
      }
    }
    if (inWord) words.add(word.toString());
    return words;
  }

  private static int doubleQuoted(String line, int open, StringBuilder word) {
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') return i;
      if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) c = line.charAt(++i);
      word.append(c);
    }
    throw new IllegalArgumentException("unterminated \" in: " + line);
  }

  private static int closing(String line, int open, char quote) {
    int end = line.indexOf(quote, open + 1);
    if (end < 0) throw new IllegalArgumentException("unterminated " + quote + " in: " + line);
    return end;
  }
}
