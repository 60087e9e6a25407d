package org.coproduction.timeline.privacy;

import java.util.List;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.platform.ImportInProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a withdrawal of consent that an import stores destroys its member's key. A key destroyed
 * cannot be made again, so it must not be destroyed by an import that a start after a crash may
 * still undo: on an H2 file ({@link ImportInProgress#mayBeUndone}) such an import's withdrawals wait
 * in {@code withdrawal_pending}, in the transaction that stores them, and their keys are destroyed
 * once the import has committed and its marker is gone, before the import is answered. A crash in
 * between leaves them waiting, and the next start destroys them before anything is served; an import
 * undone at that start takes them with its events. Elsewhere (PostgreSQL, or H2 in memory) a
 * withdrawal destroys the key in the storing transaction itself, as a command's does.
 */
@Component
public class WithdrawalsAfterImport implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalsAfterImport.class);

    private record Pending(long position, String projectId, String memberId) {}

    private final JdbcClient jdbc;
    private final MemberKeys keys;
    private final ImportInProgress importInProgress;
    private final TransactionTemplate transaction;

    WithdrawalsAfterImport(
            JdbcClient jdbc,
            MemberKeys keys,
            ImportInProgress importInProgress,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.importInProgress = importInProgress;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A withdrawal stored by an import, in the import's transaction. */
    void stored(ConsentWithdrawn withdrawn) {
        if (importInProgress.mayBeUndone()) {
            jdbc.sql("INSERT INTO withdrawal_pending (project_id, member_id) VALUES (?, ?)")
                    .params(withdrawn.projectId(), withdrawn.memberId())
                    .update();
        } else {
            keys.destroy(withdrawn.projectId(), withdrawn.memberId());
        }
    }

    /**
     * Destroys the keys of the withdrawals waiting, in the order they were stored (which gives each
     * member their withdrawal number), each with its row in one transaction. Answers how many.
     */
    int destroyWaiting() {
        List<Pending> waiting = jdbc.sql(
                        "SELECT position, project_id, member_id FROM withdrawal_pending ORDER BY position")
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        for (Pending pending : waiting) {
            transaction.executeWithoutResult(status -> {
                keys.destroy(pending.projectId(), pending.memberId());
                jdbc.sql("DELETE FROM withdrawal_pending WHERE position = ?")
                        .param(pending.position())
                        .update();
            });
        }
        return waiting.size();
    }

    /** At start, before anything is served: what an import committed before a crash left waiting. */
    @Override
    public void afterSingletonsInstantiated() {
        int destroyed = destroyWaiting();
        if (destroyed > 0) {
            log.warn(
                    "The last stop came after an import committed and before it destroyed the keys of the"
                            + " members it withdrew: {} key(s) destroyed now",
                    destroyed);
        }
    }
}
