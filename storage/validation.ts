import { hasMessage, t, type MessageKey } from '../core/i18n';
import type { z } from './zod';

/** One bad field, named and explained in the user's language. */
export interface FieldError {
  /** Dotted path into the record, e.g. `phones.0.number`. */
  path: string;
  /** The field's label, e.g. `电话 (第 1 个)` / `Phone (#1)`. */
  field: string;
  message: string;
}

export type WriteResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The label key of a path: numbers dropped (`phones.0.number` → `field_phones_number`). */
function labelKey(path: readonly PropertyKey[]): string {
  const names = path.filter((part) => typeof part === 'string');
  return `field_${names.join('_') || 'record'}`;
}

function fieldLabel(path: readonly PropertyKey[]): string {
  let key = labelKey(path);
  // Fall back to the nearest named parent: `needs_brands` → `needs`.
  while (!hasMessage(key) && key.includes('_', 'field_'.length)) key = key.slice(0, key.lastIndexOf('_'));
  const label = hasMessage(key) ? t(key) : path.join('.');
  const index = path.find((part) => typeof part === 'number');
  return typeof index === 'number' ? t('field_item_number', label, index + 1) : label;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (hasMessage(issue.message)) return t(issue.message as MessageKey);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? t('error_required') : t('error_wrong_type');
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('error_required') : t('error_too_short', String(issue.minimum));
      // `positive()` is "more than 0": "at least 0" would invite the 0 just refused.
      return issue.inclusive === false ? t('error_must_exceed', String(issue.minimum)) : t('error_too_small', String(issue.minimum));
    case 'too_big':
      return issue.origin === 'string' ? t('error_too_long', String(issue.maximum)) : t('error_too_big', String(issue.maximum));
    case 'invalid_value':
      return t('error_not_allowed');
    case 'invalid_format':
      return t('error_format');
    case 'unrecognized_keys':
      return t('error_unknown_field', issue.keys.join(', '));
    default:
      return t('error_invalid');
  }
}

export function toFieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    field: fieldLabel(issue.path),
    message: issueMessage(issue),
  }));
}

/** Parses `input`; on failure, every bad field with a message in the user's language. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): WriteResult<z.output<S>> {
  // The bad value rides along so a wrong kind of value is not reported as a missing one.
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error) };
}

/** Thrown inside a transaction to roll it back when one of several writes is rejected. */
export class RejectedWrite extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'RejectedWrite';
  }
}
