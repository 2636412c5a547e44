import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { aDrop, anOrder, aTicket } from '../../test/fixtures';
import { fakeFetch, json, problem, type FakeFetch } from '../../test/http';
import { FakeEventSource, renderApp } from '../../test/render';

const roomDrop = (overrides = {}) =>
  aDrop({ waitingRoom: { enabled: true, opensAt: new Date(Date.now() - 60_000).toISOString() }, ...overrides });

async function openDrop(http: FakeFetch, signedIn = true) {
  renderApp(http, { route: '/drops/d-1', signedIn });
  await screen.findByRole('heading', { level: 1, name: 'Neon Hoodie' });
  await screen.findByRole('heading', { level: 2, name: 'Waiting room' });
}

async function stream() {
  return waitFor(() => {
    const s = FakeEventSource.latest();
    expect(s).toBeDefined();
    return s!;
  });
}

describe('waiting room', () => {
  let http: FakeFetch;
  beforeEach(() => {
    FakeEventSource.reset();
    http = fakeFetch({
      'GET /api/drops/d-1': () => json(200, roomDrop()),
      'GET /api/drops/d-1/queue/me': () => problem(404, 'NOT_FOUND'),
    });
  });

  it('offers to join, then shows the place in line drawn at the start', async () => {
    const user = userEvent.setup();
    http.route('POST /api/drops/d-1/queue', () => json(201, aTicket()));
    http.route('GET /api/drops/d-1', () =>
      json(200, roomDrop({ status: 'upcoming', startsAt: new Date(Date.now() + 600_000).toISOString() })),
    );
    await openDrop(http);
    expect(screen.queryByRole('button', { name: 'Buy now' })).not.toBeInTheDocument();
    http.route('GET /api/drops/d-1/queue/me', () => json(200, aTicket()));
    await user.click(await screen.findByRole('button', { name: 'Join the waiting room' }));
    expect(await screen.findByTestId('queue-waiting')).toHaveTextContent('in line');
    expect(screen.getByTestId('queue-waiting')).toHaveTextContent('drawn at random');
    expect(http.sent('POST /api/drops/d-1/queue')).toHaveLength(1);
  });

  it('polls the ticket every 2 s while waiting and shows position and estimated wait', async () => {
    http.route('GET /api/drops/d-1/queue/me', [
      () => json(200, aTicket({ position: 120, estimatedWaitSeconds: 90 })),
      () => json(200, aTicket({ position: 37, estimatedWaitSeconds: 20 })),
    ]);
    await openDrop(http);
    expect(await screen.findByTestId('queue-position')).toHaveTextContent('120');
    expect(screen.getByText('Estimated wait: about 1 minute 30 seconds.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('queue-position')).toHaveTextContent('37'), { timeout: 3500 });
    expect(screen.getByText('Estimated wait: about 20 seconds.')).toBeInTheDocument();
  });

  it('moves on queue.position and queue.admitted frames, then buys with the X-Admission-Token', async () => {
    const user = userEvent.setup();
    http.route('GET /api/drops/d-1/queue/me', () => json(200, aTicket({ position: 50, estimatedWaitSeconds: 60 })));
    http.route('POST /api/orders', () => json(201, anOrder()));
    await openDrop(http);
    await screen.findByTestId('queue-position');
    const s = await stream();
    s.open();
    s.frame({
      id: '1.a',
      type: 'queue.position',
      createdAt: 'x',
      data: aTicket({ position: 3, estimatedWaitSeconds: 2 }) as never,
    });
    await waitFor(() => expect(screen.getByTestId('queue-position')).toHaveTextContent('3'));

    const admitted = aTicket({
      status: 'admitted',
      position: 0,
      admissionToken: 'adm-token-1',
      admissionExpiresAt: new Date(Date.now() + 120_000).toISOString(),
    });
    http.route('GET /api/drops/d-1/queue/me', () => json(200, admitted));
    s.frame({ id: '2.b', type: 'queue.admitted', createdAt: 'x', data: admitted as never });
    expect(await screen.findByTestId('queue-admitted')).toHaveTextContent("It's your turn!");
    expect(screen.getAllByTestId('toast').at(-1)).toHaveTextContent("It's your turn");

    await user.click(await screen.findByRole('button', { name: 'Buy now' }));
    await screen.findByRole('button', { name: 'Pay' });
    expect(http.sent('POST /api/orders')[0].headers.get('X-Admission-Token')).toBe('adm-token-1');
  });

  it('says so when the drop sold out while waiting', async () => {
    http.route('GET /api/drops/d-1/queue/me', () => json(200, aTicket({ status: 'sold_out' })));
    await openDrop(http);
    expect(await screen.findByTestId('queue-sold-out')).toHaveTextContent('Sold out while you were waiting');
  });

  it('explains an expired turn', async () => {
    http.route('GET /api/drops/d-1/queue/me', () => json(200, aTicket({ status: 'expired' })));
    await openDrop(http);
    expect(await screen.findByTestId('queue-expired')).toHaveTextContent('Your turn ran out');
  });

  it('shows when the line opens and does not let anyone join before', async () => {
    const opensAt = new Date(Date.now() + 3_600_000).toISOString();
    http.route('GET /api/drops/d-1', () =>
      json(
        200,
        roomDrop({
          status: 'upcoming',
          startsAt: new Date(Date.now() + 4_500_000).toISOString(),
          waitingRoom: { enabled: true, opensAt },
        }),
      ),
    );
    await openDrop(http);
    expect(await screen.findByRole('button', { name: 'Join the waiting room' })).toBeDisabled();
    expect(screen.getByText(/The line opens at/)).toBeInTheDocument();
  });

  it('explains QUEUE_NOT_OPEN from the server', async () => {
    const user = userEvent.setup();
    http.route('POST /api/drops/d-1/queue', () => problem(409, 'QUEUE_NOT_OPEN'));
    await openDrop(http);
    await user.click(await screen.findByRole('button', { name: 'Join the waiting room' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The waiting room is not open right now.');
  });

  it('asks anonymous visitors to sign in to join', async () => {
    await openDrop(http, false);
    expect(screen.getByRole('link', { name: 'Sign in to join' })).toBeInTheDocument();
  });
});
