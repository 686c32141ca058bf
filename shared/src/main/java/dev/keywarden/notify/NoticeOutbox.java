package dev.keywarden.notify;

/**
 * Claims notice stages and keeps each claimed draft until it is published, so that a stage is sent
 * once even when a run dies between claiming and publishing.
 */
public interface NoticeOutbox {
  /**
   * Atomically claims the draft's stages (each one only if not yet claimed for its key) and stores
   * the draft in the outbox.
   *
   * @return false when any stage was already claimed (by an earlier or concurrent run): nothing is
   *     written, and the caller must not publish this draft
   */
  boolean claimNotice(String accountId, NoticeDraft draft);

  /** Removes a published draft from the outbox. */
  void completeNotice(String accountId, String draftId);
}
