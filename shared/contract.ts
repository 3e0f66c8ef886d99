// shared/: runs in every process. Imports nothing outside shared/.
// The one contract between renderer and main. A new feature adds an entry here and a handler in
// main/rpc/handlers; it never adds an IPC channel. Types on both sides are derived from these schemas.
import type { z } from 'zod';
import type { Access } from './roles';
import { caseRoles, everyone } from './roles';
import { AuditVerifyOutput } from './schemas/audit';
import { CreatedId } from './schemas/common';
import {
  AddConsentInput,
  AssignInput,
  ClientIdInput,
  ClientProfile,
  CreatedClient,
  FindDuplicatesInput,
  FindDuplicatesOutput,
  FirstContactInput,
  HistoryOutput,
  ListClientsInput,
  ListClientsOutput,
  RevokeConsentInput,
  SavedSection,
  StaffListOutput,
} from './schemas/clients';
import { SaveSectionInput } from './schemas/intake';
import { Preferences, SetPreferencesInput } from './schemas/prefs';
import {
  AppStatus,
  ChangePassphraseInput,
  Done,
  Empty,
  RecoverInput,
  SetupBeginOutput,
  SetupCompleteInput,
  UnlockInput,
} from './schemas/session';

/**
 * kind:
 * - 'session': changes who is signed in or the key material (async; manages its own atomicity).
 * - 'read':    runs inside a read transaction on the open store.
 * - 'write':   runs inside a write transaction together with its audit entry; all or nothing.
 */
export type MethodKind = 'session' | 'read' | 'write';

export interface MethodSpec<I extends z.ZodType, O extends z.ZodType, K extends MethodKind> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  readonly kind: K;
}

const method = <I extends z.ZodType, O extends z.ZodType, K extends MethodKind>(spec: MethodSpec<I, O, K>) => spec;

export const contract = {
  'app.status': method({ input: Empty, output: AppStatus, access: 'public', kind: 'session' }),
  'setup.begin': method({ input: Empty, output: SetupBeginOutput, access: 'public', kind: 'session' }),
  'setup.complete': method({ input: SetupCompleteInput, output: AppStatus, access: 'public', kind: 'session' }),
  'session.unlock': method({ input: UnlockInput, output: AppStatus, access: 'public', kind: 'session' }),
  'session.recover': method({ input: RecoverInput, output: AppStatus, access: 'public', kind: 'session' }),
  'session.lock': method({ input: Empty, output: Done, access: 'public', kind: 'session' }),
  'session.touch': method({ input: Empty, output: Done, access: everyone, kind: 'session' }),
  'session.changePassphrase': method({
    input: ChangePassphraseInput,
    output: Done,
    access: everyone,
    kind: 'session',
  }),
  'prefs.get': method({ input: Empty, output: Preferences, access: 'public', kind: 'session' }),
  'prefs.set': method({ input: SetPreferencesInput, output: Preferences, access: 'public', kind: 'session' }),
  'audit.verify': method({ input: Empty, output: AuditVerifyOutput, access: ['admin', 'auditor'], kind: 'read' }),

  // Staff (the list only; managing accounts is the staff issue's).
  'staff.list': method({ input: Empty, output: StaffListOutput, access: caseRoles, kind: 'read' }),

  // Survivor intake and the caseload.
  'clients.create': method({ input: FirstContactInput, output: CreatedClient, access: caseRoles, kind: 'write' }),
  'clients.findDuplicates': method({ input: FindDuplicatesInput, output: FindDuplicatesOutput, access: caseRoles, kind: 'read' }),
  'clients.list': method({ input: ListClientsInput, output: ListClientsOutput, access: caseRoles, kind: 'read' }),
  'clients.get': method({ input: ClientIdInput, output: ClientProfile, access: caseRoles, kind: 'read' }),
  'clients.history': method({ input: ClientIdInput, output: HistoryOutput, access: caseRoles, kind: 'read' }),
  'clients.assign': method({ input: AssignInput, output: Done, access: ['admin', 'supervisor'], kind: 'write' }),
  'intake.saveSection': method({ input: SaveSectionInput, output: SavedSection, access: caseRoles, kind: 'write' }),
  'consents.add': method({ input: AddConsentInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'consents.revoke': method({ input: RevokeConsentInput, output: Done, access: caseRoles, kind: 'write' }),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const methods = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events main pushes to the renderer over the one event channel. */
export type AppEvent = { type: 'locked'; reason: 'idle' | 'manual' | 'system' };

/** The whole surface the preload exposes as window.safehold. */
export interface SafeholdBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from './ipc';
