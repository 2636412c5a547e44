package io.livedrop.payment.provider.client;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.livedrop.payment.provider.domain.PaymentProvider;
import io.livedrop.payment.provider.domain.ProviderUnavailableException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

/**
 * Wraps the real provider in Resilience4j guards, outermost first: a bulkhead (at most N calls at
 * once), a circuit breaker (a provider that keeps timing out is not called for a while), and a time
 * limiter (a call that does not answer in time is abandoned and its thread interrupted). Every way a
 * call can fail becomes {@link ProviderUnavailableException}; a decline is an answer, not a failure. A
 * call shed by the bulkhead or the open circuit was never sent ({@code outcomeUnknown() == false}); one
 * that timed out or failed may have reached the provider, which may still act on it.
 */
public class GuardedPaymentProvider implements PaymentProvider {

    private final PaymentProvider provider;
    private final Bulkhead bulkhead;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;

    public GuardedPaymentProvider(
            PaymentProvider provider,
            Bulkhead bulkhead,
            CircuitBreaker circuitBreaker,
            TimeLimiter timeLimiter,
            ExecutorService calls) {
        this.provider = provider;
        this.bulkhead = bulkhead;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
        this.calls = calls;
    }

    @Override
    public ChargeResult charge(Charge charge) {
        return guarded(() -> provider.charge(charge));
    }

    @Override
    public Optional<ChargeResult> findCharge(String idempotencyKey) {
        return guarded(() -> provider.findCharge(idempotencyKey));
    }

    @Override
    public void refund(String idempotencyKey) {
        guarded(() -> {
            provider.refund(idempotencyKey);
            return null;
        });
    }

    private <T> T guarded(Callable<T> call) {
        Callable<T> timed = TimeLimiter.decorateFutureSupplier(timeLimiter, () -> calls.submit(call));
        Callable<T> broken = CircuitBreaker.decorateCallable(circuitBreaker, timed);
        Callable<T> bulkheaded = Bulkhead.decorateCallable(bulkhead, broken);
        try {
            return bulkheaded.call();
        } catch (TimeoutException e) {
            throw new ProviderUnavailableException(
                    "the provider did not answer within "
                            + timeLimiter.getTimeLimiterConfig().getTimeoutDuration(),
                    e);
        } catch (CallNotPermittedException e) {
            throw ProviderUnavailableException.notSent("the provider's circuit breaker is open", e);
        } catch (BulkheadFullException e) {
            throw ProviderUnavailableException.notSent("too many provider calls in flight", e);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    private static ProviderUnavailableException unavailable(Throwable cause) {
        if (cause instanceof ProviderUnavailableException unavailable) {
            return unavailable;
        }
        return new ProviderUnavailableException("the provider failed: " + cause.getMessage(), cause);
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    public Bulkhead bulkhead() {
        return bulkhead;
    }
}
