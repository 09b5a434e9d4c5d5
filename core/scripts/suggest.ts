/** What choosing reads of a script (storage's Script fits it). */
export interface SuggestableScript {
  id: string;
  title: string;
  body: string;
  channel: string;
  enabled: boolean;
  objection?: string;
  trigger: { stages: readonly string[]; grades: readonly string[]; callbackKinds: readonly string[]; steps?: readonly string[] };
}

export interface SuggestionContext {
  stage?: string;
  grade?: string;
  /** The callback being worked on, if any. */
  callback?: { kind: string; planKey?: string };
}

/** How well a script fits: the due callback's own step first, then its kind, then grade, then stage. */
export function scriptFit(script: SuggestableScript, context: SuggestionContext): number {
  const { trigger } = script;
  let score = 0;
  const planKey = context.callback?.planKey;
  if (planKey && trigger.steps?.some((step) => planKey.startsWith(step))) score += 8;
  if (context.callback && trigger.callbackKinds.includes(context.callback.kind)) score += 4;
  if (context.grade && trigger.grades.includes(context.grade)) score += 2;
  if (context.stage && trigger.stages.includes(context.stage)) score += 1;
  // An objection answer is looked up when the objection comes, not offered first.
  if (script.objection) score -= 0.5;
  return score;
}

/** Enabled scripts, those that fit the customer and its due callback first (stable otherwise). */
export function suggestScripts<S extends SuggestableScript>(scripts: readonly S[], context: SuggestionContext): S[] {
  return scripts
    .filter((script) => script.enabled)
    .map((script, index) => ({ script, index, fit: scriptFit(script, context) }))
    .sort((a, b) => b.fit - a.fit || a.index - b.index)
    .map(({ script }) => script);
}

/** The one script to offer beside a due callback, if any fits it. */
export function bestScript<S extends SuggestableScript>(scripts: readonly S[], context: SuggestionContext): S | undefined {
  const [best] = suggestScripts(scripts, context);
  return best && scriptFit(best, context) > 0 ? best : undefined;
}

/** The objection library, filtered by words anywhere in a script; those naming them in the title or tag first. */
export function searchObjections<S extends SuggestableScript>(scripts: readonly S[], query: string): S[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const heading = (script: S) => `${script.title}\n${script.objection}`.toLowerCase();
  return scripts
    .filter((script) => script.enabled && script.objection !== undefined && words.every((word) => `${heading(script)}\n${script.body.toLowerCase()}`.includes(word)))
    .map((script, index) => ({ script, index, named: words.length > 0 && words.every((word) => heading(script).includes(word)) }))
    .sort((a, b) => Number(b.named) - Number(a.named) || a.index - b.index)
    .map(({ script }) => script);
}
