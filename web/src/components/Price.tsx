import { formatMoney } from '../lib/format';

export function Price({ cents, currency }: { cents: number; currency: string }) {
  return <span className="price">{formatMoney(cents, currency)}</span>;
}
