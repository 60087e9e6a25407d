package org.coproduction.timeline.platform.axon;

import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.coproduction.timeline.platform.Databases;
import org.coproduction.timeline.platform.ImportInProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may append to the event store beside whom, on this instance. A streaming processor that reads
 * an event committed past a transaction's uncommitted rows keeps only {@code
 * timeline.event-store.max-gap-offset} positions below it as gaps to come back to, and never sees
 * the rows further back. Commands commit in milliseconds; an import may hold thousands of rows open
 * for seconds. So:
 *
 * <ul>
 *   <li>imports run one at a time ({@link #oneImport}): an import committed beside another still
 *       open would be read past it as soon as the processors run;
 *   <li>an import appends alone ({@link #importAlone}): commands wait for it, so nothing commits
 *       past its rows while the processors read (larger files pause them as well), and on H2 the
 *       rows past the store's last position when it began are the import's alone, which a start
 *       after a crash removes if it was cut short ({@link ImportInProgress});
 *   <li>commands are handled beside each other ({@link #command}), but append and commit in turn
 *       ({@link #commandAppends}): one held between its append and its commit (a collection, a slow
 *       disk) would otherwise be read past by the processors as others commit, and more than the
 *       bound of them would leave its event unseen for good (AxonFramework issue 4829; {@code
 *       SlowCommandTest}). Held, it holds the others instead.
 * </ul>
 *
 * On PostgreSQL, where other instances append to the same store, the same holds across them: each
 * command's transaction takes a shared advisory lock ({@link #commandInTransaction()}) and each
 * import's an exclusive one ({@link #importInTransaction()}), held until they commit or roll back,
 * so no instance commits a command while an import is open anywhere. H2 has one instance.
 */
@Component
public class AppendGate {

    /** The advisory lock's key: "Timeline" in ASCII. */
    static final long ADVISORY_KEY = 0x54696d656c696e65L;

    /** The advisory lock commands append and commit under, in turn: "Appends!" in ASCII. */
    static final long APPENDS_KEY = 0x417070656e647321L;

    private final ReentrantReadWriteLock appends = new ReentrantReadWriteLock(true);
    private final ReentrantLock imports = new ReentrantLock(true);
    private final ReentrantLock commandAppends = new ReentrantLock(true);
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final ImportInProgress importInProgress;

    @Autowired
    AppendGate(DataSource dataSource, JdbcClient jdbc, ImportInProgress importInProgress) throws SQLException {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
        this.importInProgress = importInProgress;
    }

    /** One instance's gate alone, on no database: for tests of what waits for what. */
    AppendGate() {
        this.jdbc = null;
        this.postgres = false;
        this.importInProgress = null;
    }

    /** Within a command's transaction: waits while an import is open on any instance (PostgreSQL). */
    public void commandInTransaction() {
        advisoryLock("pg_advisory_xact_lock_shared");
    }

    /** Within an import's transaction: waits for the commands open on any instance, then holds them. */
    public void importInTransaction() {
        advisoryLock("pg_advisory_xact_lock");
    }

    /**
     * As a command's unit of work prepares to commit, before its events are appended: from here to
     * the end of its transaction no other command of any instance appends or commits. Let go once
     * the unit of work has committed or rolled back.
     */
    public void commandAppends(UnitOfWork<?> unitOfWork) {
        commandAppends.lock();
        unitOfWork.onCleanup(u -> commandAppends.unlock());
        advisoryLock("pg_advisory_xact_lock", APPENDS_KEY);
    }

    private void advisoryLock(String function) {
        advisoryLock(function, ADVISORY_KEY);
    }

    private void advisoryLock(String function, long key) {
        if (postgres) {
            jdbc.sql("SELECT " + function + "(?)").param(key).query(rs -> Boolean.TRUE);
        }
    }

    /** A command's append and commit: beside other commands, not while an import appends alone. */
    public <T> T command(Supplier<T> work) {
        return under(appends.readLock(), work);
    }

    /** An append that no command may commit beside, until it has committed or rolled back. */
    public <T> T alone(Supplier<T> work) {
        return under(appends.writeLock(), work);
    }

    /** An import's transaction: alone, with its start noted beside an H2 file until it has ended. */
    public <T> T importAlone(Supplier<T> work) {
        return alone(() -> importInProgress == null ? work.get() : importInProgress.around(work));
    }

    /** An import, after any other import has ended. */
    public <T> T oneImport(Supplier<T> work) {
        return under(imports, work);
    }

    private static <T> T under(Lock lock, Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
