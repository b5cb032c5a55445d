package org.noticeline.transaction;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/** Applies {@link RetryOnConflict}; its priority puts it outside the {@code @Transactional} interceptor, so each attempt is a new transaction. */
@RetryOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryOnConflictInterceptor {

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        if (insideTransaction()) {
            return context.proceed();
        }
        return Retries.attempt(context::proceed);
    }

    private boolean insideTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
