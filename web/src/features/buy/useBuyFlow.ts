import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEndpoints } from '../../api/context';
import type { OrderBody, PaymentBody } from '../../api/endpoints';
import { newAttempt, type Attempt } from '../../api/idempotency';
import { ApiProblem, isProblem } from '../../api/problem';
import type { Order, Payment, TestCardToken } from '../../api/types';
import { qk } from '../../lib/queryKeys';
import { useRealtime } from '../../realtime/RealtimeContext';

export type BuyState =
  | { step: 'idle' }
  | { step: 'ordering' }
  | { step: 'orderFailed'; problem: ApiProblem }
  | { step: 'awaitingPayment'; order: Order; problem?: ApiProblem; failureCode?: string | null }
  | { step: 'paying'; order: Order }
  | { step: 'confirming'; order: Order; payment: Payment }
  | { step: 'confirmed'; order: Order }
  | { step: 'closed'; order: Order };

function asProblem(e: unknown): ApiProblem {
  return isProblem(e) ? e : new ApiProblem({ status: 0, code: 'UNKNOWN_ERROR' });
}

export interface BuyFlowOptions {
  dropId: string;
  /** X-Admission-Token from the waiting room, when the drop has one. */
  admissionToken?: string | null;
  /** An order of this drop still waiting for payment (resumed from "My orders"). */
  resumeOrder?: Order | null;
}

/**
 * The buy flow of one drop: order (holds stock) → pay → confirmed.
 *
 * Each click on "Buy now" or "Pay" is one attempt with its own Idempotency-Key; "Try again" after a
 * retryable failure resends that attempt unchanged (same key, same body), so a lost answer can
 * never become a second order or a second charge. Confirmation arrives as an `order.confirmed`
 * realtime frame (which updates the cached order) or, failing that, by polling the order.
 */
export function useBuyFlow({ dropId, admissionToken, resumeOrder }: BuyFlowOptions) {
  const endpoints = useEndpoints();
  const queryClient = useQueryClient();
  const { connected } = useRealtime();
  const orderAttempt = useRef<Attempt<OrderBody> | null>(null);
  const paymentAttempt = useRef<Attempt<PaymentBody> | null>(null);
  const [state, setState] = useState<BuyState>(() =>
    resumeOrder && resumeOrder.status === 'pending_payment'
      ? { step: 'awaitingPayment', order: resumeOrder }
      : { step: 'idle' },
  );

  const sendOrder = useCallback(async () => {
    const attempt = orderAttempt.current;
    if (!attempt) return;
    setState({ step: 'ordering' });
    try {
      const order = await endpoints.orders.create(attempt, admissionToken);
      queryClient.setQueryData(qk.order(order.id), order);
      void queryClient.invalidateQueries({ queryKey: qk.orders });
      void queryClient.invalidateQueries({ queryKey: qk.drop(dropId) });
      setState(order.status === 'confirmed' ? { step: 'confirmed', order } : { step: 'awaitingPayment', order });
    } catch (e) {
      const problem = asProblem(e);
      if (problem.code === 'SOLD_OUT' || problem.code === 'DROP_NOT_LIVE') {
        void queryClient.invalidateQueries({ queryKey: qk.drop(dropId) });
      }
      if (problem.code === 'ADMISSION_REQUIRED') {
        void queryClient.invalidateQueries({ queryKey: qk.queue(dropId) });
      }
      setState({ step: 'orderFailed', problem });
    }
  }, [endpoints, queryClient, admissionToken, dropId]);

  /** A click on "Buy now": a new attempt with a new key. */
  const buy = useCallback(
    (quantity: number) => {
      orderAttempt.current = newAttempt({ dropId, quantity });
      return sendOrder();
    },
    [dropId, sendOrder],
  );

  /** "Try again" after a retryable failure: the same attempt, the same key. */
  const retryOrder = useCallback(() => sendOrder(), [sendOrder]);

  const currentOrder = 'order' in state ? state.order : null;

  const sendPayment = useCallback(async () => {
    const attempt = paymentAttempt.current;
    if (!attempt || !currentOrder) return;
    const order = currentOrder;
    setState({ step: 'paying', order });
    try {
      const payment = await endpoints.payments.create(attempt);
      if (payment.status === 'succeeded') {
        setState({ step: 'confirming', order, payment });
      } else {
        setState({ step: 'awaitingPayment', order, failureCode: payment.failureCode ?? 'failed' });
      }
    } catch (e) {
      const problem = asProblem(e);
      if (problem.code === 'ORDER_NOT_PAYABLE') {
        try {
          const fresh = await endpoints.orders.get(order.id);
          queryClient.setQueryData(qk.order(fresh.id), fresh);
          if (fresh.status === 'confirmed') return setState({ step: 'confirmed', order: fresh });
          if (fresh.status !== 'pending_payment') return setState({ step: 'closed', order: fresh });
        } catch {
          // fall through to showing the problem
        }
      }
      setState({ step: 'awaitingPayment', order, problem });
    }
  }, [endpoints, queryClient, currentOrder]);

  /** A click on "Pay": a new attempt (the card may differ from the last one). */
  const pay = useCallback(
    (card: TestCardToken) => {
      if (!currentOrder) return Promise.resolve();
      paymentAttempt.current = newAttempt<PaymentBody>({
        orderId: currentOrder.id,
        paymentMethod: { type: 'card', token: card },
      });
      return sendPayment();
    },
    [currentOrder, sendPayment],
  );

  const retryPayment = useCallback(() => sendPayment(), [sendPayment]);

  const cancel = useCallback(async () => {
    if (!currentOrder) return;
    const order = currentOrder;
    try {
      const cancelled = await endpoints.orders.cancel(order.id);
      queryClient.setQueryData(qk.order(cancelled.id), cancelled);
      void queryClient.invalidateQueries({ queryKey: qk.orders });
      void queryClient.invalidateQueries({ queryKey: qk.drop(dropId) });
      setState({ step: 'closed', order: cancelled });
    } catch (e) {
      setState({ step: 'awaitingPayment', order, problem: asProblem(e) });
    }
  }, [currentOrder, endpoints, queryClient, dropId]);

  const reset = useCallback(() => {
    orderAttempt.current = null;
    paymentAttempt.current = null;
    setState({ step: 'idle' });
  }, []);

  // Follow the order while it is open: the realtime frame updates the cache at once, polling is the
  // fallback (fast while a payment is being confirmed, slow while the hold waits for payment).
  const watching = state.step === 'confirming' || state.step === 'awaitingPayment';
  const watchedId = watching ? state.order.id : null;
  const pollMs = state.step === 'confirming' ? (connected ? 3000 : 1000) : 5000;
  const { data: watchedOrder } = useQuery({
    queryKey: qk.order(watchedId ?? 'none'),
    queryFn: () => endpoints.orders.get(watchedId!),
    enabled: watchedId !== null,
    refetchInterval: pollMs,
  });

  useEffect(() => {
    if (!watchedOrder || watchedOrder.id !== watchedId) return;
    setState((s) => {
      if (s.step !== 'confirming' && s.step !== 'awaitingPayment') return s;
      if (watchedOrder.status === 'confirmed') return { step: 'confirmed', order: watchedOrder };
      if (watchedOrder.status === 'cancelled' || watchedOrder.status === 'expired') {
        return { step: 'closed', order: watchedOrder };
      }
      return s;
    });
  }, [watchedOrder, watchedId]);

  return { state, buy, retryOrder, pay, retryPayment, cancel, reset };
}
