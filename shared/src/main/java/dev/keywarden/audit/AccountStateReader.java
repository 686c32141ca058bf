package dev.keywarden.audit;

/** Reads what a run needs about its account in one go, at the start of the run. */
public interface AccountStateReader {
  /** Reads everything a run needs about the account, with strongly consistent reads. */
  AccountState load(String accountId);
}
