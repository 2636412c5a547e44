import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { messageFor, paymentFailureMessage } from '../../api/messages';
import type { ApiProblem } from '../../api/problem';
import type { Drop, Order, TestCardToken } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Countdown } from '../../components/Countdown';
import { Price } from '../../components/Price';
import { useRetryAfter } from '../../lib/useRetryAfter';
import { useBuyFlow } from './useBuyFlow';

interface BuyPanelProps {
  drop: Drop;
  admissionToken?: string | null;
  resumeOrder?: Order | null;
}

/** Buying one drop: quantity and "Buy now", then the payment, then the confirmation. */
export function BuyPanel({ drop, admissionToken, resumeOrder }: BuyPanelProps) {
  const { status } = useAuth();
  const location = useLocation();
  if (status !== 'signedIn') {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <section className="panel" aria-labelledby="buy-heading">
        <h2 id="buy-heading">Buy</h2>
        <p>
          <Link className="button" to={`/login?next=${next}`}>
            Sign in to buy
          </Link>
        </p>
      </section>
    );
  }
  return <SignedInBuyPanel drop={drop} admissionToken={admissionToken} resumeOrder={resumeOrder} />;
}

function SignedInBuyPanel({ drop, admissionToken, resumeOrder }: BuyPanelProps) {
  const flow = useBuyFlow({ dropId: drop.id, admissionToken, resumeOrder });
  const { state } = flow;
  return (
    <section className="panel" aria-labelledby="buy-heading" data-testid="buy-panel">
      <h2 id="buy-heading">Buy</h2>
      {(state.step === 'idle' || state.step === 'ordering' || state.step === 'orderFailed') && (
        <OrderStep
          drop={drop}
          busy={state.step === 'ordering'}
          problem={state.step === 'orderFailed' ? state.problem : null}
          onBuy={flow.buy}
          onRetry={flow.retryOrder}
        />
      )}
      {(state.step === 'awaitingPayment' || state.step === 'paying') && (
        <PaymentStep
          order={state.order}
          busy={state.step === 'paying'}
          problem={state.step === 'awaitingPayment' ? state.problem : undefined}
          failureCode={state.step === 'awaitingPayment' ? state.failureCode : undefined}
          onPay={flow.pay}
          onRetry={flow.retryPayment}
          onCancel={flow.cancel}
        />
      )}
      {state.step === 'confirming' && (
        <p className="alert alert-info" role="status" data-testid="order-confirming">
          Payment received — confirming your order…
        </p>
      )}
      {state.step === 'confirmed' && <ConfirmedStep order={state.order} />}
      {state.step === 'closed' && (
        <div role="status">
          <p className="alert alert-info" data-testid="order-closed">
            {state.order.status === 'expired'
              ? 'Your hold expired before it was paid; the items went back on sale.'
              : 'Your order was cancelled.'}
          </p>
          {drop.status === 'live' && !drop.soldOut && (
            <button type="button" className="button button-secondary" onClick={flow.reset}>
              Start again
            </button>
          )}
        </div>
      )}
    </section>
  );
}

interface OrderStepProps {
  drop: Drop;
  busy: boolean;
  problem: ApiProblem | null;
  onBuy: (quantity: number) => void;
  onRetry: () => void;
}

function OrderStep({ drop, busy, problem, onBuy, onRetry }: OrderStepProps) {
  const [quantity, setQuantity] = useState(1);
  const waitSeconds = useRetryAfter(problem);
  const canBuy = drop.status === 'live' && !drop.soldOut;
  const retryable = problem?.retryable ?? false;
  const maxQuantity = Math.max(1, Math.min(drop.perUserLimit, drop.available || 1, 10));

  return (
    <div className="buy-step">
      {drop.perUserLimit > 1 && (
        <div className="field field-inline">
          <label htmlFor="buy-quantity">Quantity</label>
          <select
            id="buy-quantity"
            value={quantity}
            onChange={(e) => setQuantity(Number(e.target.value))}
            disabled={busy || !canBuy}
          >
            {Array.from({ length: maxQuantity }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      )}
      {problem && (
        <p className="alert alert-error" role="alert" data-testid="buy-error" data-code={problem.code}>
          {messageFor(problem)}
        </p>
      )}
      <div className="actions">
        {retryable ? (
          <button
            type="button"
            className="button"
            onClick={onRetry}
            disabled={busy || waitSeconds > 0}
            data-testid="buy-retry"
          >
            Try again
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => onBuy(quantity)}
            disabled={busy || !canBuy}
            data-testid="buy-now"
          >
            Buy now
          </button>
        )}
        {busy && (
          <span role="status" className="muted">
            Reserving…
          </span>
        )}
        {retryable && waitSeconds > 0 && (
          <span className="muted" data-testid="retry-wait">
            You can try again in {waitSeconds} s
          </span>
        )}
      </div>
      {!canBuy && !problem && (
        <p className="muted">
          {drop.soldOut
            ? 'Sold out.'
            : drop.status === 'upcoming'
              ? 'This drop has not started yet.'
              : 'This drop has ended.'}
        </p>
      )}
    </div>
  );
}

const TEST_CARDS: { token: TestCardToken; label: string }[] = [
  { token: 'tok_visa', label: 'Test Visa — payment succeeds' },
  { token: 'tok_chargeDeclined', label: 'Test card — declined' },
  { token: 'tok_insufficientFunds', label: 'Test card — insufficient funds' },
];

interface PaymentStepProps {
  order: Order;
  busy: boolean;
  problem?: ApiProblem;
  failureCode?: string | null;
  onPay: (card: TestCardToken) => void;
  onRetry: () => void;
  onCancel: () => void;
}

function PaymentStep({ order, busy, problem, failureCode, onPay, onRetry, onCancel }: PaymentStepProps) {
  const [card, setCard] = useState<TestCardToken>('tok_visa');
  const waitSeconds = useRetryAfter(problem);
  const retryable = problem?.retryable ?? false;
  return (
    <div className="buy-step" data-testid="payment-step">
      <p>
        Reserved {order.quantity} × for <Price cents={order.totalCents} currency={order.currency} />.
        {order.reservedUntil && (
          <>
            {' '}
            <Countdown
              to={order.reservedUntil}
              label="Held for"
              doneText="Your hold is ending…"
              className="countdown-inline"
              as="span"
            />
          </>
        )}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (retryable) onRetry();
          else onPay(card);
        }}
      >
        <fieldset disabled={busy}>
          <legend>Payment card</legend>
          {TEST_CARDS.map((c) => (
            <div className="radio" key={c.token}>
              <input
                type="radio"
                id={`card-${c.token}`}
                name="card"
                value={c.token}
                checked={card === c.token}
                onChange={() => setCard(c.token)}
              />
              <label htmlFor={`card-${c.token}`}>{c.label}</label>
            </div>
          ))}
        </fieldset>
        {failureCode && (
          <p className="alert alert-error" role="alert" data-testid="payment-error" data-code={failureCode}>
            {paymentFailureMessage(failureCode)}
          </p>
        )}
        {problem && (
          <p className="alert alert-error" role="alert" data-testid="payment-error" data-code={problem.code}>
            {messageFor(problem)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy || waitSeconds > 0} data-testid="pay">
            {retryable ? 'Try again' : 'Pay'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            Cancel order
          </button>
          {busy && (
            <span role="status" className="muted">
              Paying…
            </span>
          )}
          {retryable && waitSeconds > 0 && <span className="muted">You can try again in {waitSeconds} s</span>}
        </div>
      </form>
    </div>
  );
}

function ConfirmedStep({ order }: { order: Order }) {
  return (
    <div className="alert alert-success" role="status" data-testid="order-confirmed">
      <p>
        <strong>Order confirmed!</strong> {order.quantity} × paid,{' '}
        <Price cents={order.totalCents} currency={order.currency} />.
      </p>
      <p>
        <Link to="/orders">See my orders</Link>
      </p>
    </div>
  );
}
