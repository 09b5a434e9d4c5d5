// Storage's public face: the only code that touches IndexedDB.
export { DealerDeskDatabase, openDatabase, DATABASE_NAME } from './database';
export { CustomerRepository, type CustomerQuery } from './customers';
export { FollowUpRepository } from './follow-ups';
export { CallbackRepository } from './callbacks';
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
