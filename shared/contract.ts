// shared/: runs in every process. Imports nothing outside shared/.
// The one contract between renderer and main. A new feature adds an entry here and a handler in
// main/rpc/handlers; it never adds an IPC channel. Types on both sides are derived from these schemas.
import type { z } from 'zod';
import type { Access } from './roles';
import { allCasesRoles, caseRoles, documentRoles, everyone, exactReportRoles, purgeRoles, reportRoles, supervisionRoles } from './roles';
import { AuditListInput, AuditListOutput, AuditVerifyOutput } from './schemas/audit';
import { BreakGlassListInput, BreakGlassListOutput } from './schemas/break-glass';
import { BackupFolderInput, BackupReminderInput, BackupStatus, BackupSummary, CreatedBackup, OpenBackupInput } from './schemas/backup';
import {
  AddStaffInput,
  FirstSignInInput,
  IdleLockInput,
  RecoveryKeyOutput,
  RegenerateRecoveryInput,
  SetRoleInput,
  SetupCodeOutput,
  StaffIdInput,
} from './schemas/staff';
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
  OpenClientInput,
  RevokeConsentInput,
  SavedSection,
  StaffListOutput,
} from './schemas/clients';
import { ImportInput, ImportPreview, ImportResult } from './schemas/import';
import { PartnerSuggestionList, ReviewSuggestionInput, SuggestPartnerInput } from './schemas/partners';
import { SaveSectionInput } from './schemas/intake';
import { DashboardInput, DashboardList, DashboardListInput, DashboardSummary } from './schemas/dashboard';
import {
  AddTaskInput,
  AssignmentHistory,
  CaseChangeNotices,
  DeactivateInput,
  HandoverSummary,
  NoticeSeenInput,
  ReassignInput,
  ReassignOutput,
  SetSecondaryInput,
  TaskDoneInput,
  TaskList,
} from './schemas/handover';
import { ResolveInput, ReviewListInput, ReviewListOutput } from './schemas/review';
import { CreateTeamInput, InviteInput, InviteOutput, RevokeLaptopInput, SyncSummary, TeamStatus } from './schemas/team';
import { JoinTeamInput, JoinTeamOutput } from './schemas/team-join';
import { AddDomainInput, AddInstrumentInput, ClientOutcomes, InstrumentsOutput, RecordAssessmentInput } from './schemas/outcomes';
import {
  ExportExactInput,
  ExportReportInput,
  ExportReportOutput,
  RememberFingerprintInput,
  Report,
  ReportInput,
  SigningKeyOutput,
  SuppressionInput,
  SuppressionOutput,
  VerifyReportInput,
  VerifyReportOutput,
  DataQualityInput,
  DataQualityOutput,
} from './schemas/reports';
import {
  AddGoalInput,
  AddNoteInput,
  AddPartnerInput,
  AddServiceInput,
  EditServiceInput,
  RemoveServiceInput,
  AddStepInput,
  CloseCaseInput,
  DueOutput,
  EditNoteInput,
  MilestoneInput,
  NoteList,
  PartnerList,
  PlanOutput,
  ReopenCaseInput,
  SafetyPlanOutput,
  SaveSafetyPlanInput,
  SendReferralInput,
  SetGoalStatusInput,
  SetReferralStatusInput,
  SetStepDoneInput,
  UpdateMilestoneInput,
  Version as zVersion,
} from './schemas/planning';
import { Preferences, SetPreferencesInput } from './schemas/prefs';
import { PurgeCaseInput } from './schemas/purge';
import {
  AttachInput,
  AttachOutput,
  BeginUploadInput,
  BeginUploadOutput,
  CheckOutput,
  DocumentLimitInput,
  DocumentLimitOutput,
  DocumentList,
  DocumentPiece,
  ExportDocumentInput,
  ExportDocumentOutput,
  ListDocumentsInput,
  ReadDocumentInput,
  RemoveDocumentInput,
  UpdateDocumentInput,
  UploadChunkInput,
  UploadChunkOutput,
  UploadIdInput,
} from './schemas/documents';
import {
  AddAppointmentInput,
  AddContactInput,
  AddedContact,
  AddOutreachInput,
  ClientAppointments,
  ClientContacts,
  ExportCalendarInput,
  ExportCalendarOutput,
  OutreachList,
  SetAppointmentStatusInput,
  WeekInput,
  WeekOutput,
} from './schemas/week';
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

  // Staff, roles, setup codes and the access log.
  'staff.list': method({ input: Empty, output: StaffListOutput, access: caseRoles, kind: 'read' }),
  'staff.add': method({ input: AddStaffInput, output: SetupCodeOutput, access: ['admin'], kind: 'session' }),
  'staff.setRole': method({ input: SetRoleInput, output: Done, access: ['admin'], kind: 'write' }),
  // Their cases go to the colleagues chosen, in the same transaction (required when they hold any).
  'staff.deactivate': method({ input: DeactivateInput, output: Done, access: ['admin'], kind: 'session' }),
  'staff.reactivate': method({ input: StaffIdInput, output: SetupCodeOutput, access: ['admin'], kind: 'session' }),
  'staff.resetPassphrase': method({ input: StaffIdInput, output: SetupCodeOutput, access: ['admin'], kind: 'session' }),
  'session.firstSignIn': method({ input: FirstSignInInput, output: AppStatus, access: 'public', kind: 'session' }),
  'recovery.regenerate': method({ input: RegenerateRecoveryInput, output: RecoveryKeyOutput, access: ['admin'], kind: 'session' }),
  'settings.setIdleLock': method({ input: IdleLockInput, output: Done, access: ['admin'], kind: 'write' }),
  'audit.list': method({ input: AuditListInput, output: AuditListOutput, access: ['admin', 'auditor'], kind: 'read' }),
  /** Openings of others' cases with the reasons given: for those who see every case, never auditors (reasons may name people). */
  'audit.breakGlass': method({ input: BreakGlassListInput, output: BreakGlassListOutput, access: allCasesRoles, kind: 'read' }),

  // Encrypted backups. Restore runs only while no one is signed in (also on a new computer).
  'backup.create': method({ input: BackupFolderInput, output: CreatedBackup, access: ['admin'], kind: 'session' }),
  'backup.status': method({ input: Empty, output: BackupStatus, access: everyone, kind: 'read' }),
  'settings.setBackupReminder': method({ input: BackupReminderInput, output: Done, access: ['admin'], kind: 'write' }),
  'backup.inspect': method({ input: OpenBackupInput, output: BackupSummary, access: 'public', kind: 'session' }),
  'backup.restore': method({ input: OpenBackupInput, output: AppStatus, access: 'public', kind: 'session' }),

  // Survivor intake and the caseload.
  'clients.create': method({ input: FirstContactInput, output: CreatedClient, access: caseRoles, kind: 'write' }),
  'clients.findDuplicates': method({ input: FindDuplicatesInput, output: FindDuplicatesOutput, access: caseRoles, kind: 'read' }),
  'clients.list': method({ input: ListClientsInput, output: ListClientsOutput, access: caseRoles, kind: 'read' }),
  'clients.get': method({ input: OpenClientInput, output: ClientProfile, access: caseRoles, kind: 'read' }),
  'clients.history': method({ input: ClientIdInput, output: HistoryOutput, access: caseRoles, kind: 'read' }),
  'clients.assign': method({ input: AssignInput, output: Done, access: ['admin', 'supervisor'], kind: 'write' }),
  // Handover (issue 16 §3): bulk reassignment, a secondary worker, the dated history and the summary.
  'clients.reassign': method({ input: ReassignInput, output: ReassignOutput, access: supervisionRoles, kind: 'write' }),
  'clients.setSecondary': method({ input: SetSecondaryInput, output: Done, access: supervisionRoles, kind: 'write' }),
  'handover.history': method({ input: ClientIdInput, output: AssignmentHistory, access: caseRoles, kind: 'read' }),
  'handover.summary': method({ input: ClientIdInput, output: HandoverSummary, access: caseRoles, kind: 'read' }),
  'handover.dismiss': method({ input: ClientIdInput, output: Done, access: caseRoles, kind: 'write' }),
  'intake.saveSection': method({ input: SaveSectionInput, output: SavedSection, access: caseRoles, kind: 'write' }),
  'consents.add': method({ input: AddConsentInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'consents.revoke': method({ input: RevokeConsentInput, output: Done, access: caseRoles, kind: 'write' }),

  // Service planning: goals, services, partners and referrals, milestones, notes, safety plan, exit.
  'plan.get': method({ input: ClientIdInput, output: PlanOutput, access: caseRoles, kind: 'read' }),
  'plan.addGoal': method({ input: AddGoalInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'plan.setGoalStatus': method({ input: SetGoalStatusInput, output: Done, access: caseRoles, kind: 'write' }),
  'plan.addStep': method({ input: AddStepInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'plan.setStepDone': method({ input: SetStepDoneInput, output: Done, access: caseRoles, kind: 'write' }),
  'services.add': method({ input: AddServiceInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'services.edit': method({ input: EditServiceInput, output: Done, access: caseRoles, kind: 'write' }),
  'services.remove': method({ input: RemoveServiceInput, output: Done, access: caseRoles, kind: 'write' }),
  'partners.list': method({ input: Empty, output: PartnerList, access: caseRoles, kind: 'read' }),
  'partners.add': method({ input: AddPartnerInput, output: CreatedId, access: ['admin', 'supervisor'], kind: 'write' }),
  // A caseworker suggests a partner; a supervisor or administrator approves or declines it.
  'partners.suggest': method({ input: SuggestPartnerInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'partners.suggestions': method({ input: Empty, output: PartnerSuggestionList, access: caseRoles, kind: 'read' }),
  'partners.review': method({ input: ReviewSuggestionInput, output: Done, access: ['admin', 'supervisor'], kind: 'write' }),
  'referrals.send': method({ input: SendReferralInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'referrals.setStatus': method({ input: SetReferralStatusInput, output: Done, access: caseRoles, kind: 'write' }),
  'milestones.add': method({ input: MilestoneInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'milestones.update': method({ input: UpdateMilestoneInput, output: Done, access: caseRoles, kind: 'write' }),
  'notes.list': method({ input: ClientIdInput, output: NoteList, access: caseRoles, kind: 'read' }),
  'notes.add': method({ input: AddNoteInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'notes.edit': method({ input: EditNoteInput, output: Done, access: caseRoles, kind: 'write' }),
  'safetyPlan.get': method({ input: ClientIdInput, output: SafetyPlanOutput, access: caseRoles, kind: 'read' }),
  'safetyPlan.save': method({ input: SaveSafetyPlanInput, output: zVersion, access: caseRoles, kind: 'write' }),
  'clients.close': method({ input: CloseCaseInput, output: Done, access: caseRoles, kind: 'write' }),
  'clients.reopen': method({ input: ReopenCaseInput, output: Done, access: caseRoles, kind: 'write' }),
  'clients.purge': method({ input: PurgeCaseInput, output: Done, access: purgeRoles, kind: 'write' }),
  'due.list': method({ input: Empty, output: DueOutput, access: caseRoles, kind: 'read' }),

  // Documents (issue 15): attach in pieces (held in memory), checked from the content, encrypted into the store.
  // Uploading pieces writes nothing to the store; the attach, each opening, copy and print are logged.
  'documents.list': method({ input: ListDocumentsInput, output: DocumentList, access: documentRoles, kind: 'read' }),
  'documents.beginUpload': method({ input: BeginUploadInput, output: BeginUploadOutput, access: documentRoles, kind: 'read' }),
  'documents.uploadChunk': method({ input: UploadChunkInput, output: UploadChunkOutput, access: documentRoles, kind: 'read' }),
  'documents.cancelUpload': method({ input: UploadIdInput, output: Done, access: documentRoles, kind: 'read' }),
  'documents.check': method({ input: UploadIdInput, output: CheckOutput, access: documentRoles, kind: 'session' }),
  'documents.attach': method({ input: AttachInput, output: AttachOutput, access: documentRoles, kind: 'write' }),
  'documents.read': method({ input: ReadDocumentInput, output: DocumentPiece, access: documentRoles, kind: 'read' }),
  'documents.update': method({ input: UpdateDocumentInput, output: Done, access: documentRoles, kind: 'write' }),
  'documents.remove': method({ input: RemoveDocumentInput, output: Done, access: documentRoles, kind: 'write' }),
  'documents.export': method({ input: ExportDocumentInput, output: ExportDocumentOutput, access: documentRoles, kind: 'write' }),
  'settings.setDocumentLimit': method({ input: DocumentLimitInput, output: Done, access: ['admin'], kind: 'write' }),
  'settings.documentLimit': method({ input: Empty, output: DocumentLimitOutput, access: ['admin'], kind: 'read' }),

  // A caseworker's week (issue 16): appointments with attendance, the contact log, anonymous outreach.
  'appointments.add': method({ input: AddAppointmentInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'appointments.setStatus': method({ input: SetAppointmentStatusInput, output: Done, access: caseRoles, kind: 'write' }),
  'appointments.forClient': method({ input: ClientIdInput, output: ClientAppointments, access: caseRoles, kind: 'read' }),
  'appointments.week': method({ input: WeekInput, output: WeekOutput, access: caseRoles, kind: 'read' }),
  /** A staff-only .ics file (case numbers or initials and times only), with a reason; written as a 'write' so the reason and the log entry are kept together. */
  'appointments.exportCalendar': method({ input: ExportCalendarInput, output: ExportCalendarOutput, access: caseRoles, kind: 'write' }),
  'contacts.add': method({ input: AddContactInput, output: AddedContact, access: caseRoles, kind: 'write' }),
  'contacts.forClient': method({ input: ClientIdInput, output: ClientContacts, access: caseRoles, kind: 'read' }),
  'outreach.add': method({ input: AddOutreachInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'outreach.list': method({ input: Empty, output: OutreachList, access: caseRoles, kind: 'read' }),
  'tasks.add': method({ input: AddTaskInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'tasks.mine': method({ input: Empty, output: TaskList, access: caseRoles, kind: 'read' }),
  'tasks.done': method({ input: TaskDoneInput, output: Done, access: caseRoles, kind: 'write' }),
  'notices.changes': method({ input: Empty, output: CaseChangeNotices, access: caseRoles, kind: 'read' }),
  'notices.seen': method({ input: NoticeSeenInput, output: Done, access: caseRoles, kind: 'write' }),
  'dashboard.summary': method({ input: DashboardInput, output: DashboardSummary, access: supervisionRoles, kind: 'read' }),
  'dashboard.list': method({ input: DashboardListInput, output: DashboardList, access: supervisionRoles, kind: 'read' }),

  // Outcome tracking and the auditor's report.
  'outcomes.instruments': method({ input: Empty, output: InstrumentsOutput, access: caseRoles, kind: 'read' }),
  'outcomes.addInstrument': method({ input: AddInstrumentInput, output: CreatedId, access: ['admin'], kind: 'write' }),
  'outcomes.addDomain': method({ input: AddDomainInput, output: CreatedId, access: ['admin'], kind: 'write' }),
  'outcomes.record': method({ input: RecordAssessmentInput, output: CreatedId, access: caseRoles, kind: 'write' }),
  'outcomes.forClient': method({ input: ClientIdInput, output: ClientOutcomes, access: caseRoles, kind: 'read' }),
  'sync.conflicts': method({ input: ReviewListInput, output: ReviewListOutput, access: caseRoles, kind: 'read' }),
  'sync.resolve': method({ input: ResolveInput, output: Done, access: caseRoles, kind: 'write' }),

  // Team sync transport: Admin → Team (create, invite, revoke) and the sync indicator (status, Sync now).
  'team.status': method({ input: Empty, output: TeamStatus, access: everyone, kind: 'session' }),
  'team.create': method({ input: CreateTeamInput, output: TeamStatus, access: ['admin'], kind: 'session' }),
  'team.invite': method({ input: InviteInput, output: InviteOutput, access: ['admin'], kind: 'session' }),
  'team.revoke': method({ input: RevokeLaptopInput, output: Done, access: ['admin'], kind: 'session' }),
  'team.syncNow': method({ input: Empty, output: SyncSummary, access: everyone, kind: 'session' }),
  /** First run on a new laptop (no store here yet): join with an invitation file and its one-time code. */
  'team.join': method({ input: JoinTeamInput, output: JoinTeamOutput, access: 'public', kind: 'session' }),
  'reports.outcomes': method({ input: ReportInput, output: Report, access: reportRoles, kind: 'read' }),
  'reports.export': method({ input: ExportReportInput, output: ExportReportOutput, access: reportRoles, kind: 'session' }),
  'reports.exportExact': method({ input: ExportExactInput, output: ExportReportOutput, access: exactReportRoles, kind: 'session' }),
  'reports.cancelExport': method({ input: Empty, output: Done, access: reportRoles, kind: 'session' }),
  'reports.verify': method({ input: VerifyReportInput, output: VerifyReportOutput, access: reportRoles, kind: 'session' }),
  'reports.signingKey': method({ input: Empty, output: SigningKeyOutput, access: reportRoles, kind: 'read' }),
  'reports.dataQuality': method({ input: DataQualityInput, output: DataQualityOutput, access: reportRoles, kind: 'read' }),
  'reports.rememberFingerprint': method({ input: RememberFingerprintInput, output: Done, access: reportRoles, kind: 'write' }),
  'settings.setSuppression': method({ input: SuppressionInput, output: Done, access: ['admin'], kind: 'write' }),
  'settings.suppression': method({ input: Empty, output: SuppressionOutput, access: ['admin'], kind: 'read' }),

  // Spreadsheet import: every row checked in the preview, then the whole file written or none of it.
  'import.preview': method({ input: ImportInput, output: ImportPreview, access: allCasesRoles, kind: 'read' }),
  'import.apply': method({ input: ImportInput, output: ImportResult, access: allCasesRoles, kind: 'write' }),
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
export type AppEvent =
  | { type: 'locked'; reason: 'idle' | 'manual' | 'system' | 'restored' }
  /** Long tasks (key rotation) report their steps so the screen can show progress. */
  | { type: 'progress'; task: 'rotate-key'; step: 'copy' | 'rekey' | 'verify' | 'commit' | 'swap' }
  | { type: 'progress'; task: 'export-report'; step: string; done: number; total: number }
  /** A team sync round's steps, for the sync indicator. */
  | { type: 'progress'; task: 'sync'; step: 'plan' | 'exchange' | 'apply' | 'done' | 'failed' };

/** The whole surface the preload exposes as window.safehold. */
export interface SafeholdBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from './ipc';
