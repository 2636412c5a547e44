import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StockBar } from './StockBar';

describe('StockBar', () => {
  it('shows what is left as a labelled progress bar and in text', () => {
    render(<StockBar available={40} initialStock={100} lowStockThreshold={10} />);
    const bar = screen.getByRole('progressbar', { name: 'Stock left' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '40 of 100 left');
    expect(screen.getByText('40 of 100 left')).toBeInTheDocument();
    expect(screen.queryByText('Almost gone')).not.toBeInTheDocument();
  });

  it('warns when stock is at or under the low-stock threshold', () => {
    render(<StockBar available={10} initialStock={100} lowStockThreshold={10} />);
    expect(screen.getByText('Almost gone')).toBeInTheDocument();
  });

  it('says sold out when the drop is sold out, whatever a lagging count says', () => {
    const { rerender } = render(<StockBar available={3} initialStock={100} soldOut />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByText('Sold out')).toBeInTheDocument();
    rerender(<StockBar available={0} initialStock={100} />);
    expect(screen.getByText('Sold out')).toBeInTheDocument();
  });

  it('updates when the stock changes', () => {
    const { rerender } = render(<StockBar available={50} initialStock={100} />);
    rerender(<StockBar available={49} initialStock={100} />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '49');
  });
});
