package dev.keywarden.audit;

import dev.keywarden.findings.FindingsStore;
import dev.keywarden.notify.NoticeOutbox;
import dev.keywarden.remediate.ActionLogStore;

/**
 * Everything one account's run keeps between runs, as the small ports its steps use: so that a run
 * is wired with one store, while each step (and each test of a step) sees only its own part.
 *
 * <p>Every write that two concurrent runs could both attempt is conditional, so neither can undo
 * the other's work or send a notice twice.
 */
public interface AccountStateStore
    extends AccountStateReader,
        LeaseStore,
        FindingsStore,
        NoticeOutbox,
        ActionLogStore,
        OwnerStore,
        RunRecords {}
