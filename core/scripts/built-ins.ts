import { BUILT_IN_SCRIPT_KEYS, BUILT_IN_SCRIPT_META, builtInScriptId, type BuiltInScriptKey, type ScriptLocale, type ScriptText } from './library';
import { SCRIPTS_EN } from './library.en';
import { SCRIPTS_ZH_CN } from './library.zh_CN';

const TEXTS: Record<ScriptLocale, Record<BuiltInScriptKey, ScriptText>> = { zh_CN: SCRIPTS_ZH_CN, en: SCRIPTS_EN };

/** A built-in script as a record shaped like a stored one. */
export interface BuiltInScript {
  id: string;
  key: BuiltInScriptKey;
  title: string;
  body: string;
  channel: 'call' | 'sms' | 'wechat';
  trigger: { stages: string[]; grades: string[]; callbackKinds: string[]; steps: string[] };
  objection?: string;
  locale: ScriptLocale;
  builtIn: true;
  enabled: true;
}

export function builtInScripts(locale: ScriptLocale): BuiltInScript[] {
  return BUILT_IN_SCRIPT_KEYS.map((key) => {
    const meta = BUILT_IN_SCRIPT_META[key];
    return {
      id: builtInScriptId(key, locale),
      key,
      ...TEXTS[locale][key],
      channel: meta.channel,
      trigger: { stages: meta.stages ?? [], grades: meta.grades ?? [], callbackKinds: meta.callbackKinds ?? [], steps: meta.steps ?? [] },
      ...(meta.objection ? { objection: meta.objection } : {}),
      locale,
      builtIn: true as const,
      enabled: true as const,
    };
  });
}
