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
import * as services from './services';
import * as partners from './partners';
import * as referrals from './referrals';
import * as milestones from './milestones';
import * as notes from './notes';
import * as safetyPlan from './safety-plan';
import * as closure from './closure';
import { purgeCase } from './purge';
import { listDue } from './due';
import * as documents from './documents';
import * as outcomes from './outcomes';
import * as reports from './reports';
import * as staff from './staff';
import { applyImport, previewImport } from './import';
import { listReview, resolveReview } from './review';
import * as team from './team';
import * as appointments from './appointments';
import { exportCalendar } from './calendar';
import * as contacts from './contacts';
import * as handover from './handover';
import * as tasks from './tasks';
import * as dashboard from './dashboard';
import { joinTeamHandler } from './team-join';

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
    'clients.reassign': handover.reassignCases,
    'clients.setSecondary': handover.setSecondary,
    'handover.history': handover.assignmentHistory,
    'handover.summary': handover.summary,
    'handover.dismiss': handover.dismiss,
    'intake.saveSection': saveSection,
    'consents.add': addConsent,
    'consents.revoke': revokeConsentHandler,
    'plan.get': plan.getPlan,
    'plan.addGoal': plan.addGoal,
    'plan.setGoalStatus': plan.setGoalStatus,
    'plan.addStep': plan.addStep,
    'plan.setStepDone': plan.setStepDone,
    'services.add': services.addService,
    'services.edit': services.editService,
    'services.remove': services.removeService,
    'partners.list': referrals.listPartners,
    'partners.add': referrals.addPartner,
    'partners.suggest': partners.suggestPartner,
    'partners.suggestions': partners.listSuggestions,
    'partners.review': partners.reviewSuggestion,
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
    'clients.purge': purgeCase,
    'due.list': listDue,
    'documents.list': documents.listDocuments,
    'documents.beginUpload': documents.beginDocumentUpload,
    'documents.uploadChunk': documents.uploadDocumentChunk,
    'documents.cancelUpload': documents.cancelDocumentUpload,
    'documents.check': documents.checkDocumentUpload,
    'documents.attach': documents.attachDocument,
    'documents.read': documents.readDocument,
    'documents.update': documents.updateDocument,
    'documents.remove': documents.removeDocument,
    'documents.export': documents.exportDocument,
    'settings.setDocumentLimit': documents.setDocumentLimit,
    'settings.documentLimit': documents.getDocumentLimit,
    'appointments.add': appointments.addAppointment,
    'appointments.setStatus': appointments.setAppointmentStatus,
    'appointments.forClient': appointments.clientAppointments,
    'appointments.week': appointments.week,
    'appointments.exportCalendar': exportCalendar,
    'contacts.add': contacts.addContact,
    'contacts.forClient': contacts.clientContacts,
    'outreach.add': contacts.addOutreach,
    'outreach.list': contacts.listOutreach,
    'tasks.add': tasks.addTask,
    'tasks.mine': tasks.myTasks,
    'tasks.done': tasks.taskDone,
    'notices.changes': tasks.changeNotices,
    'notices.seen': tasks.noticeSeen,
    'dashboard.summary': dashboard.summary,
    'dashboard.list': dashboard.list,
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
    'team.join': joinTeamHandler,
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
