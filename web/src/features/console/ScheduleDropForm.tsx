import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useEndpoints } from '../../api/context';
import type { NewDrop } from '../../api/endpoints';
import { fieldErrors } from '../../api/messages';
import type { Drop } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isoToLocalInput, localInputToIso } from '../../lib/format';
import { qk } from '../../lib/queryKeys';
import { useMyProducts } from './ProductsSection';

interface FormValues {
  productId: string;
  startsAt: string;
  endsAt: string;
  initialStock: string;
  lowStockThreshold: string;
  perUserLimit: string;
  waitingRoom: boolean;
}

/** Client-side checks before sending (the server checks again); answers errors by field. */
export function validateDrop(v: FormValues, now: number = Date.now()): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.productId) errors.productId = 'Choose a product.';
  const starts = Date.parse(v.startsAt);
  const ends = Date.parse(v.endsAt);
  if (Number.isNaN(starts)) errors.startsAt = 'Choose a start time.';
  if (Number.isNaN(ends)) errors.endsAt = 'Choose an end time.';
  else if (ends <= now) errors.endsAt = 'The end must be in the future.';
  if (!Number.isNaN(starts) && !Number.isNaN(ends) && starts >= ends)
    errors.endsAt = 'The end must be after the start.';
  const stock = Number(v.initialStock);
  if (!Number.isInteger(stock) || stock < 1 || stock > 1_000_000) errors.initialStock = 'Between 1 and 1,000,000.';
  if (v.lowStockThreshold !== '') {
    const low = Number(v.lowStockThreshold);
    if (!Number.isInteger(low) || low < 0 || low > 1_000_000) errors.lowStockThreshold = 'A whole number, 0 or more.';
  }
  const limit = Number(v.perUserLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) errors.perUserLimit = 'At least 1.';
  return errors;
}

export function toNewDrop(v: FormValues): NewDrop {
  return {
    productId: v.productId,
    startsAt: localInputToIso(v.startsAt),
    endsAt: localInputToIso(v.endsAt),
    initialStock: Number(v.initialStock),
    ...(v.lowStockThreshold !== '' ? { lowStockThreshold: Number(v.lowStockThreshold) } : {}),
    perUserLimit: Number(v.perUserLimit),
    waitingRoom: v.waitingRoom,
  };
}

function initialValues(): FormValues {
  const start = new Date(Date.now() + 15 * 60_000);
  start.setSeconds(0, 0);
  const end = new Date(start.getTime() + 60 * 60_000);
  return {
    productId: '',
    startsAt: isoToLocalInput(start),
    endsAt: isoToLocalInput(end),
    initialStock: '100',
    lowStockThreshold: '',
    perUserLimit: '1',
    waitingRoom: false,
  };
}

/** Schedules a drop of one of the creator's products (POST /api/drops). */
export function ScheduleDropForm({ creatorId }: { creatorId: string }) {
  const endpoints = useEndpoints();
  const queryClient = useQueryClient();
  const products = useMyProducts(creatorId);
  const [values, setValues] = useState<FormValues>(initialValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Drop | null>(null);
  const create = useMutation({
    mutationFn: (body: NewDrop) => endpoints.drops.create(body),
    onSuccess: (drop) => {
      setCreated(drop);
      void queryClient.invalidateQueries({ queryKey: qk.allDrops });
    },
  });
  const serverErrors = fieldErrors(create.error);
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const err = (k: string) => errors[k] ?? serverErrors[k];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found = validateDrop(values);
    setErrors(found);
    setCreated(null);
    if (Object.keys(found).length === 0) create.mutate(toNewDrop(values));
  }

  const productItems = products.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Schedule a drop</h2>
      {productItems.length === 0 && !products.isPending ? (
        <p className="muted">Add a product first.</p>
      ) : (
        <form onSubmit={onSubmit} className="form" noValidate>
          <SelectField
            label="Product"
            value={values.productId}
            onChange={(e) => set('productId', e.target.value)}
            error={err('productId')}
          >
            <option value="">Choose a product…</option>
            {productItems.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </SelectField>
          <div className="row">
            <TextField
              label="Starts at"
              type="datetime-local"
              value={values.startsAt}
              onChange={(e) => set('startsAt', e.target.value)}
              error={err('startsAt')}
            />
            <TextField
              label="Ends at"
              type="datetime-local"
              value={values.endsAt}
              onChange={(e) => set('endsAt', e.target.value)}
              error={err('endsAt')}
            />
          </div>
          <div className="row">
            <TextField
              label="Stock"
              type="number"
              min={1}
              max={1000000}
              value={values.initialStock}
              onChange={(e) => set('initialStock', e.target.value)}
              error={err('initialStock')}
            />
            <TextField
              label="Limit per customer"
              type="number"
              min={1}
              value={values.perUserLimit}
              onChange={(e) => set('perUserLimit', e.target.value)}
              error={err('perUserLimit')}
            />
            <TextField
              label="Low-stock alert at"
              type="number"
              min={0}
              value={values.lowStockThreshold}
              onChange={(e) => set('lowStockThreshold', e.target.value)}
              hint="Optional; followers are told when stock falls to it."
              error={err('lowStockThreshold')}
            />
          </div>
          <div className="checkbox">
            <input
              id="drop-waiting-room"
              type="checkbox"
              checked={values.waitingRoom}
              onChange={(e) => set('waitingRoom', e.target.checked)}
              aria-describedby="drop-waiting-room-hint"
            />
            <label htmlFor="drop-waiting-room">Use a waiting room</label>
            <span id="drop-waiting-room-hint" className="field-hint">
              For big drops: buyers join a line 15 minutes before the start and are let in fairly, a few at a time.
            </span>
          </div>
          <ProblemAlert error={create.error} />
          {created && (
            <p className="alert alert-success" role="status">
              Drop scheduled. <Link to={`/console/drops/${encodeURIComponent(created.id)}`}>Open its live view</Link>
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Scheduling…' : 'Schedule drop'}
          </button>
        </form>
      )}
    </section>
  );
}
