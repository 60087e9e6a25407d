package org.coproduction.timeline.platform.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises a unique-index violation by its SQLSTATE (23505 on H2 and PostgreSQL), wherever it
 * sits in the cause chain or a batch's chain of exceptions. Axon's default JDBC resolver only
 * knows {@code SQLIntegrityConstraintViolationException}, which H2's batch inserts do not throw, so
 * a concurrent append surfaced as an internal error instead of a concurrency conflict.
 */
class UniqueViolationResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException e = exception; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
