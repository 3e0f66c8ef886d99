// Main process (plain Node). Never imports electron.
// The handler map: one entry per contract method. TypeScript refuses a missing or extra entry.
import type { PreferencesStore } from '../../core/prefs';
import type { HandlerMap } from '../types';
import { auditList, auditVerify } from './audit';
import { breakGlassList } from './break-glass';
import * as backup from './backup';
import { prefsHandlers } from './prefs';
import * as session from './session';
import * as clients from './clients';
import { addConsent, revokeConsentHandler } from './consents';
import { saveSection } from './intake';
import * as plan from './plan';
import * as referrals from './referrals';
import * as milestones from './milestones';
import * as notes from './notes';
import * as safetyPlan from './safety-plan';
import * as closure from './closure';
import { listDue } from './due';
import * as outcomes from './outcomes';
import * as reports from './reports';
import * as staff from './staff';
import { applyImport, previewImport } from './import';
import { listReview, resolveReview } from './review';
import * as team from './team';

export function createHandlers(prefs: PreferencesStore): HandlerMap {
  const preferences = prefsHandlers(prefs);
  return {
    'app.status': session.appStatus,
    'setup.begin': session.setupBegin,
    'setup.complete': session.setupComplete,
    'session.unlock': session.sessionUnlock,
    'session.recover': session.sessionRecover,
    'session.lock': session.sessionLock,
    'session.touch': session.sessionTouch,
    'session.changePassphrase': session.sessionChangePassphrase,
    'prefs.get': preferences.get,
    'prefs.set': preferences.set,
    'audit.verify': auditVerify,
    'staff.list': staff.listStaff,
    'staff.add': staff.addStaff,
    'staff.setRole': staff.setStaffRole,
    'staff.deactivate': staff.deactivateStaff,
    'staff.reactivate': staff.reactivateStaff,
    'staff.resetPassphrase': staff.resetStaffPassphrase,
    'session.firstSignIn': session.sessionFirstSignIn,
    'recovery.regenerate': session.recoveryRegenerate,
    'settings.setIdleLock': staff.setIdleLock,
    'audit.list': auditList,
    'audit.breakGlass': breakGlassList,
    'backup.create': backup.createBackup,
    'backup.status': backup.backupStatus,
    'settings.setBackupReminder': backup.setBackupReminder,
    'backup.inspect': backup.inspectBackup,
    'backup.restore': backup.restoreBackup,
    'clients.create': clients.createClient,
    'clients.findDuplicates': clients.findDuplicateClients,
    'clients.list': clients.listClients,
    'clients.get': clients.getClientProfile,
    'clients.history': clients.clientHistory,
    'clients.assign': clients.assignClient,
    'intake.saveSection': saveSection,
    'consents.add': addConsent,
    'consents.revoke': revokeConsentHandler,
    'plan.get': plan.getPlan,
    'plan.addGoal': plan.addGoal,
    'plan.setGoalStatus': plan.setGoalStatus,
    'plan.addStep': plan.addStep,
    'plan.setStepDone': plan.setStepDone,
    'services.add': plan.addService,
    'partners.list': referrals.listPartners,
    'partners.add': referrals.addPartner,
    'referrals.send': referrals.sendReferral,
    'referrals.setStatus': referrals.setReferralStatus,
    'milestones.add': milestones.addMilestone,
    'milestones.update': milestones.updateMilestone,
    'notes.list': notes.listNotes,
    'notes.add': notes.addNote,
    'notes.edit': notes.editNote,
    'safetyPlan.get': safetyPlan.getSafetyPlan,
    'safetyPlan.save': safetyPlan.saveSafetyPlan,
    'clients.close': closure.closeCase,
    'clients.reopen': closure.reopenCase,
    'due.list': listDue,
    'outcomes.instruments': outcomes.listInstruments,
    'outcomes.addInstrument': outcomes.addInstrument,
    'outcomes.addDomain': outcomes.addDomain,
    'outcomes.record': outcomes.recordAssessment,
    'outcomes.forClient': outcomes.clientOutcomes,
    'sync.conflicts': listReview,
    'sync.resolve': resolveReview,
    'team.status': team.status,
    'team.create': team.create,
    'team.invite': team.invite,
    'team.revoke': team.revoke,
    'team.syncNow': team.syncNow,
    'reports.outcomes': reports.outcomeReport,
    'reports.export': reports.exportReportHandler,
    'reports.exportExact': reports.exportExactHandler,
    'reports.cancelExport': reports.cancelExport,
    'reports.verify': reports.verifyReport,
    'reports.signingKey': reports.reportSigningKey,
    'reports.dataQuality': reports.dataQualityHandler,
    'reports.rememberFingerprint': reports.rememberReportFingerprint,
    'settings.setSuppression': reports.setSuppression,
    'settings.suppression': reports.getSuppression,
    'import.preview': previewImport,
    'import.apply': applyImport,
  };
}
