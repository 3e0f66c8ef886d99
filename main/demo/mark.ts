// Main process (plain Node). Never imports electron.
import type { Db } from '../store/open';

/** A demo store holds only generated, fictional cases; the app marks it on every screen. */
export function markDemo(db: Db): void {
  db.prepare("INSERT INTO settings (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO UPDATE SET value = '1'").run();
}

export function isDemo(db: Db): boolean {
  return db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'demo'").get()?.value === '1';
}
