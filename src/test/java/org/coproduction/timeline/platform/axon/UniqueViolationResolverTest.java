package org.coproduction.timeline.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationResolverTest {

    private final UniqueViolationResolver resolver = new UniqueViolationResolver();

    @Test
    void recognisesAUniqueViolationInABatchAsPostgresReportsIt() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "23505", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", batch)))
                .isTrue();
    }

    @Test
    void recognisesAUniqueViolationOnlyInTheNextExceptionOfABatch() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", null, new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void doesNotTakeOtherIntegrityErrorsForDuplicates() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null violated", "23502")))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL here")))
                .isFalse();
    }
}
