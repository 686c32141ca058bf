package dev.keywarden.audit;

import dev.keywarden.findings.StoredFinding;
import dev.keywarden.notify.KeyNoticeState;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.remediate.ActionLogEntry;
import java.util.List;
import java.util.Map;

/**
 * What the table remembers of one account, read once at the start of its run.
 *
 * @param findings stored findings by {@link StoredFinding#key()}
 * @param noticeStates claimed notice stages by {@link KeyNoticeState#keyId()}
 * @param pendingNotices outbox entries claimed by an earlier run but not confirmed as published
 * @param actions the account's action log, oldest first
 */
public record AccountState(
    Map<String, StoredFinding> findings,
    Map<String, KeyNoticeState> noticeStates,
    List<NoticeDraft> pendingNotices,
    List<ActionLogEntry> actions) {
  public AccountState {
    findings = Map.copyOf(findings);
    noticeStates = Map.copyOf(noticeStates);
    pendingNotices = List.copyOf(pendingNotices);
    actions = List.copyOf(actions);
  }

  public static AccountState empty() {
    return new AccountState(Map.of(), Map.of(), List.of(), List.of());
  }
}
