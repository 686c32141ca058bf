package dev.keywarden.inventory;

/** The credential report's columns that Keywarden reads, by their header names in the CSV. */
public enum ReportColumn {
  USER("user"),
  ARN("arn"),
  USER_CREATION_TIME("user_creation_time"),
  PASSWORD_ENABLED("password_enabled"),
  PASSWORD_LAST_USED("password_last_used"),
  PASSWORD_LAST_CHANGED("password_last_changed"),
  MFA_ACTIVE("mfa_active"),
  ACCESS_KEY_1_ACTIVE("access_key_1_active"),
  ACCESS_KEY_1_LAST_ROTATED("access_key_1_last_rotated"),
  ACCESS_KEY_1_LAST_USED_DATE("access_key_1_last_used_date"),
  ACCESS_KEY_2_ACTIVE("access_key_2_active"),
  ACCESS_KEY_2_LAST_ROTATED("access_key_2_last_rotated"),
  ACCESS_KEY_2_LAST_USED_DATE("access_key_2_last_used_date"),
  CERT_1_ACTIVE("cert_1_active"),
  CERT_1_LAST_ROTATED("cert_1_last_rotated"),
  CERT_2_ACTIVE("cert_2_active"),
  CERT_2_LAST_ROTATED("cert_2_last_rotated");

  private final String header;

  ReportColumn(String header) {
    this.header = header;
  }

  /** The header as IAM writes it. */
  public String header() {
    return header;
  }

  /** Columns without which a report is not a credential report at all. */
  public boolean required() {
    return this == USER || this == ARN;
  }
}
