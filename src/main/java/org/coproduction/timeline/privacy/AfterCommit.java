package org.coproduction.timeline.privacy;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must wait until the caller's transaction has committed. */
final class AfterCommit {

    private AfterCommit() {}

    /** Runs the action once the caller's transaction has committed (at once outside a transaction). */
    static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
