import { z } from '../zod';
import { CALLBACK_KINDS } from './callback';
import { GRADES, STAGES } from './customer';
import { id, longText, shortText } from './common';

export const SCRIPT_CHANNELS = ['call', 'sms', 'wechat'] as const;

/** A call or message script (话术); its body holds placeholders such as {称呼} and {车型}. */
export const scriptInputSchema = z.object({
  title: shortText.min(1, { error: 'error_required' }),
  channel: z.enum(SCRIPT_CHANNELS),
  trigger: z
    .object({
      stages: z.array(z.enum(STAGES)).default([]),
      grades: z.array(z.enum(GRADES)).default([]),
      callbackKinds: z.array(z.enum(CALLBACK_KINDS)).default([]),
      /** Plan-key prefixes of the callbacks it answers, e.g. `post_delivery:7d_call`. */
      steps: z.array(shortText).max(20).default([]),
    })
    .default({ stages: [], grades: [], callbackKinds: [], steps: [] }),
  body: longText.min(1, { error: 'error_required' }),
  /** For objection handling: e.g. `price`, `friend_sells_insurance`. */
  objection: shortText.optional(),
  locale: z.enum(['zh_CN', 'en']).default('zh_CN'),
  builtIn: z.boolean().default(false),
  enabled: z.boolean().default(true),
});

export const scriptSchema = scriptInputSchema.extend({ id });

export type ScriptInput = z.input<typeof scriptInputSchema>;
export type Script = z.output<typeof scriptSchema>;
