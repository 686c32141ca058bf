package dev.keywarden.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streaming the records gives exactly what reading them all gives, blank lines included. */
class CsvRecordsStreamTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,b\n1,2\n",
        "a,b\r\n1,2\r\n\r\n\n",
        "a,b\n\n1,2\n",
        "a,b\n\"x\ny\",2\n\n",
        "a,b",
        "a,b\n1,2\n\n3,4"
      })
  void stream_whateverTheText_givesWhatReadGives(String text) {
    List<CsvRecords.Line> streamed = new ArrayList<>();
    CsvRecords.stream(text, "t").forEachRemaining(streamed::add);

    assertThat(streamed).isEqualTo(CsvRecords.read(text, "t"));
  }
}
