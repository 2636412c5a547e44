// Where the browser tests point, which Chromium they drive and where their artifacts go.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The gateway of a running fleet: it serves the built client at / and the API under /api. */
export const BASE_URL = (process.env.LIVEDROP_URL || 'http://localhost:8080').replace(/\/+$/, '');

/** Debian's Chromium (apt-get install -y chromium); never a downloaded browser. */
export const CHROMIUM = process.env.LIVEDROP_CHROMIUM || '/usr/bin/chromium';

/** Screenshots and page logs (gitignored). */
export const OUT_DIR = path.resolve(process.env.LIVEDROP_BROWSER_OUT || path.join(webDir, 'test-results/browser'));

/** Multiplies every wait (a slow or busy machine: LIVEDROP_BROWSER_SLOW=2). */
export const SLOW = Math.max(1, Number(process.env.LIVEDROP_BROWSER_SLOW || 1));

export const HEADLESS = process.env.LIVEDROP_BROWSER_HEADED !== '1';

export function checkChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set LIVEDROP_CHROMIUM)`);
  }
}

/** A run id that makes e-mails, handles and titles unique on a fleet that is reused. */
export const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296)
  .toString(36)
  .padStart(2, '0')}`;

const started = Date.now();

/** A progress line with the seconds since the run began (the Maven log shows where time goes). */
export function log(...parts) {
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${t}s]`, ...parts);
}
