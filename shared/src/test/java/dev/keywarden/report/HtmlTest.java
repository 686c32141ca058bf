package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
        "a & b|a &amp; b",
        "\" onmouseover=\"x|&quot; onmouseover=&quot;x",
        "it's|it&#39;s",
        "&amp;|&amp;amp;",
        "plain text|plain text"
      })
  void escape_replacesMarkupCharacters(String input, String expected) {
    assertThat(Html.escape(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u0000",
        "\u0007",
        "\u001b[31m",
        "\r",
        "\u007f",
        "\u0085",
        "\u009b",
        "\u202e",
        "\u2066",
        "\ud800",
        "\udc00",
        "\ufffe",
        "\uffff"
      })
  void escape_replacesControlBidiAndBrokenCharacters(String hostile) {
    String escaped = Html.escape("a" + hostile + "b");

    assertThat(escaped).startsWith("a\uFFFD").endsWith("b").doesNotContain(hostile.substring(0, 1));
  }

  @Test
  void escape_keepsUnicodeTabsAndLineFeeds() {
    assertThat(Html.escape("Zoë 日本 \uD83D\uDD11\tx\ny")).isEqualTo("Zoë 日本 \uD83D\uDD11\tx\ny");
  }

  @Test
  void escape_ofAnEscapedStringEscapesAgain() {
    assertThat(Html.escape(Html.escape("<"))).isEqualTo("&amp;lt;");
  }

  @Test
  void anchor_keepsOnlyLettersAndDigits() {
    assertThat(Html.anchor("acct-", "12\"><x"))
        .isEqualTo("acct-12-22--3e--3c-x")
        .matches("[A-Za-z0-9-]+");
  }
}
