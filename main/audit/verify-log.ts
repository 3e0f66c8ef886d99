// Main process (plain Node). Never imports electron.
// `audit verify` (the app's and the command line's): the chain with its signatures, and the anchors.
// A missing anchor beside the store, one older than the copy kept outside the data folder, or one the
// chain no longer reaches is a failure, as it was found at this session's sign-in or as it is now.
import type { Identity } from '../keys/identity';
import type { Db } from '../store/open';
import { anchorsHold, type AnchorStatus, type FolderAnchor, type OutsideAnchor } from './anchor';
import { verifyChain, type ChainReport } from './chain';

export interface LogVerdict extends ChainReport {
  anchor: FolderAnchor;
  outsideAnchor: OutsideAnchor;
}

export function verifyAccessLog(db: Db, auditKey: Buffer, identity: Identity | null, anchors: { atStart: AnchorStatus | undefined; now: AnchorStatus }): LogVerdict {
  const report = verifyChain(db, auditKey, { root: identity?.root || null });
  const start = anchors.atStart;
  const anchor = start && start.folder !== 'matches' ? start.folder : anchors.now.folder;
  const outsideAnchor = start && start.outside !== 'matches' && start.outside !== 'first-use' ? start.outside : anchors.now.outside;
  if (report.intact && !anchorsHold({ folder: anchor, outside: outsideAnchor })) {
    const problem = anchor === 'missing' ? 'the anchor beside the store is missing' : 'the data folder is older than its anchor, or the log was cut short';
    return { ...report, intact: false, firstBadSeq: Math.max(1, report.entries), problem, anchor, outsideAnchor };
  }
  return { ...report, anchor, outsideAnchor };
}
