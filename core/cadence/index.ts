// The follow-up cadence: pure rules, no I/O. Storage re-plans with it inside the writing transaction.
export * from './local-time';
export * from './rules';
export * from './holidays';
export * from './planner';
export * from './reconcile';
export * from './reasons';
