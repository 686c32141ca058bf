package dev.keywarden.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --as-of}: an instant, an instant with an offset, or a date (its start, UTC). */
final class AsOfConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    String text = value.strip();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new TypeConversionException(
              "'"
                  + value
                  + "' is not a point in time; use an instant such as 2026-11-24T09:00:00Z or a date such as 2026-11-24");
        }
      }
    }
  }
}
