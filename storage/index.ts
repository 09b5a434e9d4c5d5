// Storage's public face: the only code that touches IndexedDB.
export { DealerDeskDatabase, openDatabase, DATABASE_NAME, type NotificationRecord } from './database';
export { CustomerRepository, type CustomerQuery } from './customers';
export { FollowUpRepository } from './follow-ups';
export { CallbackRepository, OVERDUE_AFTER_MS, type DueCounts, type CallbackWithCustomer } from './callbacks';
export { ReminderRepository, notificationId, NOTIFY_LOOKBACK_MS, type ClaimedReminders } from './reminders';
export { logFollowUp, type FollowUpLogInput, type LoggedFollowUp } from './follow-up-log';
export { replanCustomer, replanAll, replanTables, canReplanHere, planSettings, planStamp, replanChangedSince, newestCustomerUpdate } from './replan';
export { SettingsRepository } from './settings';
export { ScriptRepository } from './scripts';
export { type CustomerRecord, searchKeys } from './customer-search-keys';
export { type FieldError, type WriteResult, RejectedWrite } from './validation';
export { LeadCapture, captureDraftSchema, customerFromDraft, suggestGrade, type CaptureDraft, type CaptureOutcome, type BulkCaptureReport, type DuplicateCustomer } from './capture-lead';
export * from './schemas/customer';
export * from './schemas/follow-up';
export * from './schemas/callback';
export * from './schemas/script';
export * from './schemas/settings';
