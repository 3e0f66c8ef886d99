// Main process or the sync worker (plain Node). Never imports electron.
// The frames of one bundle we send (format 4): agency documents under the team key only; a case's
// changes in a group frame with the other cases whose current keys the same laptops hold
// (group-frame.ts); a case alone in its holder set, and every snapshot, in a case frame of its own
// under its key (format 3's frame). Each group frame is opened again here and must give back exactly
// what went in, else its cases go in frames of their own (never sent altered).
import type { OutFrame } from './exchange';
import { sealCaseFrame, type DocFrame } from './frames';
import { GROUP_MAX_CASES, GROUP_MAX_PLAIN, openGroupFrame, sealGroupFrame, type GroupMember } from './group-frame';
import type { CaseKeyRow } from './state';

const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Cases of one holder set, cut where a group would pass the sender's caps. */
function chunks(members: OutFrame[]): OutFrame[][] {
  const out: OutFrame[][] = [];
  let current: OutFrame[] = [];
  let bytes = 0;
  for (const m of members) {
    if (current.length > 0 && (current.length >= GROUP_MAX_CASES || bytes + m.data.byteLength > GROUP_MAX_PLAIN)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += m.data.byteLength + 5;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * `caseKeys`: every case key this laptop holds (a case's newest encrypts). `groupDictionary`: the
 * bundle's for group frames (format 3's fixed words and the context; each group adds its case ids);
 * `caseDictionary`: a case frame's.
 */
export function sealFrames(outgoing: readonly OutFrame[], caseKeys: readonly CaseKeyRow[], salt: string, groupDictionary: Buffer, caseDictionary: (caseId: string) => Buffer): DocFrame[] {
  const newest = new Map<string, CaseKeyRow>();
  for (const k of caseKeys) {
    const seen = newest.get(k.caseId);
    if (!seen || k.madeAt > seen.madeAt || (k.madeAt === seen.madeAt && k.keyId > seen.keyId)) newest.set(k.caseId, k);
  }
  const keyFor = (caseId: string): CaseKeyRow => {
    const key = newest.get(caseId);
    if (!key) throw new Error('no key for a case being sent');
    return key;
  };
  // Holder sets with two or more cases' changes; each is sent where its first case was.
  const sets = new Map<string, OutFrame[]>();
  for (const f of outgoing) {
    if (f.kind !== 'changes' || f.caseId === null || f.holders === undefined) continue;
    sets.set(f.holders, [...(sets.get(f.holders) ?? []), f]);
  }
  const grouped = new Map<OutFrame, OutFrame[]>();
  for (const members of sets.values()) if (members.length >= 2) for (const m of members) grouped.set(m, members);

  const frames: DocFrame[] = [];
  const single = (f: OutFrame): void => {
    if (f.caseId === null) {
      frames.push({ kind: f.kind, docId: f.docId, keyId: null, payload: buf(f.data) });
      return;
    }
    const key = keyFor(f.caseId);
    frames.push({ kind: f.kind, docId: f.docId, keyId: key.keyId, payload: sealCaseFrame(buf(key.key), salt, f, frames.length, buf(f.data), caseDictionary(f.caseId)) });
  };
  const done = new Set<OutFrame>();
  for (const f of outgoing) {
    if (done.has(f)) continue;
    const members = grouped.get(f);
    if (!members) {
      single(f);
      continue;
    }
    for (const chunk of chunks(members)) {
      for (const m of chunk) done.add(m);
      if (chunk.length === 1) {
        single(chunk[0]!);
        continue;
      }
      const group: GroupMember[] = chunk.map((m) => {
        const key = keyFor(m.caseId!);
        return { keyId: key.keyId, caseId: key.caseId, key: buf(key.key), packed: buf(m.data) };
      });
      const index = frames.length;
      const payload = sealGroupFrame(group, salt, index, groupDictionary);
      // The round trip, with the keys a receiver would use: exactly what went in, or no group.
      const keys = new Map(group.map((m) => [m.keyId, m]));
      const back = openGroupFrame(payload, salt, index, groupDictionary, (id) => keys.get(id));
      const same = back.status === 'opened' && back.parts.length === group.length && back.parts.every((p, i) => p.keyId === group[i]!.keyId && p.packed.equals(group[i]!.packed));
      if (same) frames.push({ kind: 'group', docId: '', keyId: null, payload });
      else for (const m of chunk) single(m);
    }
  }
  return frames;
}
