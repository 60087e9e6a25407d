package org.coproduction.timeline.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Makes what the database has committed survive a crash of this process before anything is
 * acknowledged. H2 keeps committed changes in memory and writes them to its file in the background,
 * up to {@code WRITE_DELAY} (500 ms) later: a process killed in between loses transactions it has
 * already committed. {@link #awaitWritten()} writes them now, or waits for the background write in
 * progress and then writes whatever that one did not hold. Concurrent callers share one write (the
 * first writes everything committed so far; the others find nothing left), so it groups commits
 * rather than adding a write per caller. It writes to the operating system, which keeps the data
 * when the process dies; surviving a power cut as well needs a database that syncs to disk on
 * commit (PostgreSQL). No-op on any database but H2 in a file.
 */
@Component
public class Durability {

    /** What {@code store} holds when the database is not H2 in a file: nothing to write. */
    private static final Object NONE = new Object();

    private final DataSource dataSource;
    private volatile Object store;

    public Durability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns once every transaction committed before the call is in the database's file. */
    public void awaitWritten() {
        if (store() instanceof MVStore mvStore && !mvStore.isClosed()) {
            mvStore.commit();
        }
    }

    /** H2's MVStore behind the data source, {@code NONE} for any other database or an in-memory H2. */
    private Object store() {
        Object known = store;
        if (known instanceof MVStore mvStore && mvStore.isClosed()) {
            known = null;
        }
        if (known == null) {
            known = lookUp();
            store = known;
        }
        return known;
    }

    private Object lookUp() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                    || session.getDatabase().getStore() == null) {
                return NONE;
            }
            MVStore mvStore = session.getDatabase().getStore().getMvStore();
            return mvStore.getFileStore() == null ? NONE : mvStore;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not reach the database", e);
        }
    }
}
