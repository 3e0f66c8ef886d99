// The access log shows every action in words, in English and Spanish, never as a code name
// (plan.view, backup.restore). The actions are every method in shared/contract (the dispatcher logs
// each write, and any refusal, under its method name) and the names main writes itself, found here
// by reading main/'s source, so a new method or a new logged name cannot arrive without its words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

const source = sourceFiles(join(root, 'main')).map((f) => readFileSync(f, 'utf8'));
const literal = [/\baction: '([a-z][\w.:-]*)'/gu, /\brecord\(\w+, '([a-z][\w.:-]*)'/gu, /\baction: \w+ \? '([a-z][\w.:-]*)' : '([a-z][\w.:-]*)'/gu, /KEY_ACTION = '([a-z][\w.:-]*)'/gu];
/** Names main writes itself (beyond method names), from its source. */
const written = new Set(source.flatMap((text) => literal.flatMap((re) => [...text.matchAll(re)].flatMap((m) => m.slice(1).filter(Boolean)))));

// Names built at run time: each ending main can write.
const built: Record<string, readonly string[]> = {
  'session.lock.': ['idle', 'manual', 'system', 'restored'],
  'audit.anchor.': ['anchor-missing', 'rolled-back'],
  'documents.': ['save', 'print'],
};

const labelled = (action: string) => `auditAction.${action}` in en && `auditAction.${action}` in es;

describe('access-log action words', () => {
  it('every method in the contract has words in English and Spanish', () => {
    const missing = Object.keys(contract).filter((m) => !labelled(m));
    expect(missing.join(" ")).toBe("");
  });

  it('every name main writes to the log itself has words in English and Spanish', () => {
    expect(written.size).toBeGreaterThan(30);
    // The shell's `{ action: 'deny' }` answers a window-open request; it is not a log entry.
    const missing = [...written].filter((a) => a !== 'deny' && !labelled(a));
    expect(missing.join(" ")).toBe("");
  });

  it('names built at run time have words for each ending', () => {
    const templates = new Set(source.flatMap((text) => [...text.matchAll(/\baction: `([a-z][\w.]*\.)\$\{/gu)].map((m) => m[1]!)));
    for (const prefix of templates) {
      expect(built[prefix], `the endings of ${prefix}… are listed here`).toBeDefined();
      for (const ending of built[prefix]!) expect(labelled(`${prefix}${ending}`), `${prefix}${ending}`).toBe(true);
    }
  });
});
