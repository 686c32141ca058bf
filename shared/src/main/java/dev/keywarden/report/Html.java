package dev.keywarden.report;

/**
 * Escapes text for HTML element content and double-quoted attributes, because user names, messages,
 * account names and owner tags come from people and reach the security team's browser.
 *
 * <p>Besides {@code & < > " '}, it replaces with U+FFFD (shown as a question mark in a box) what
 * has no business in a report and could hide or disguise text: control characters other than tab
 * and line feed, bidirectional overrides and isolates (U+202A to U+202E, U+2066 to U+2069),
 * unpaired surrogates and the non-characters U+FFFE and U+FFFF.
 */
final class Html {
  static final char REPLACEMENT = '\uFFFD';

  private Html() {}

  /** {@code text} made safe for element content and double-quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    append(out, text);
    return out.toString();
  }

  /** Appends {@code text}, escaped, to {@code out}. */
  static StringBuilder append(StringBuilder out, String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < n
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (unsafe(c)) {
            out.append(REPLACEMENT);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out;
  }

  private static boolean unsafe(char c) {
    return (c < 0x20 && c != '\t' && c != '\n')
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || Character.isSurrogate(c)
        || c == 0xfffe
        || c == 0xffff;
  }

  /**
   * A fragment identifier built only from {@code [A-Za-z0-9-]}, so it needs no escaping anywhere.
   */
  static String anchor(String prefix, String id) {
    StringBuilder out = new StringBuilder(prefix);
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        out.append(c);
      } else {
        out.append('-').append(Integer.toHexString(c)).append('-');
      }
    }
    return out.toString();
  }
}
