package org.coproduction.timeline.platform.axon;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
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
 *   <li>an import that runs beside the processors appends alone ({@link #alone}): commands wait
 *       for it (it is small: larger files pause the processors instead), so nothing commits past
 *       its rows while the processors read;
 *   <li>commands append beside each other ({@link #command}).
 * </ul>
 *
 * Other instances sharing a PostgreSQL database are not held by this gate (docs/deploy.md).
 */
@Component
public class AppendGate {

    private final ReentrantReadWriteLock appends = new ReentrantReadWriteLock(true);
    private final ReentrantLock imports = new ReentrantLock(true);

    /** A command's append and commit: beside other commands, not while an import appends alone. */
    public <T> T command(Supplier<T> work) {
        return under(appends.readLock(), work);
    }

    /** An append that no command may commit beside, until it has committed or rolled back. */
    public <T> T alone(Supplier<T> work) {
        return under(appends.writeLock(), work);
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
