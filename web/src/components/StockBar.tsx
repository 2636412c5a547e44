interface StockBarProps {
  available: number;
  initialStock: number;
  soldOut?: boolean;
  lowStockThreshold?: number;
}

/** How much of a drop is left, as a progress bar with its numbers in text too. */
export function StockBar({ available, initialStock, soldOut, lowStockThreshold }: StockBarProps) {
  const total = Math.max(1, initialStock);
  const left = soldOut ? 0 : Math.max(0, Math.min(available, total));
  const percent = Math.round((left / total) * 100);
  const low = !soldOut && lowStockThreshold !== undefined && lowStockThreshold > 0 && left <= lowStockThreshold;
  const text = soldOut || left === 0 ? 'Sold out' : `${left.toLocaleString()} of ${total.toLocaleString()} left`;
  return (
    <div className="stock" data-testid="stock-bar">
      <div
        className={`stock-track${low ? ' stock-low' : ''}${left === 0 ? ' stock-empty' : ''}`}
        role="progressbar"
        aria-label="Stock left"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={left}
        aria-valuetext={text}
      >
        <div className="stock-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="stock-text">
        {text}
        {low && <strong className="badge badge-warning">Almost gone</strong>}
      </p>
    </div>
  );
}
