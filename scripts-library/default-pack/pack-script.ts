import type { Language, PackScript, ScriptChannel, ScriptKind, Stage } from '../schemas';

/**
 * Builds one default-pack script. Ids follow default.<stage>.<slug>.<lang>: the same slug in every language file marks
 * the language variants of one script, so the id is built from the parts instead of each entry spelling it out.
 */
export function packScript(
  lang: Language,
  stage: Stage,
  kind: ScriptKind,
  slug: string,
  title: string,
  text: string,
  options: { tags?: string[]; channel?: ScriptChannel } = {},
): PackScript {
  return {
    id: `default.${stage}.${slug}.${lang}`,
    stage,
    kind,
    lang,
    title,
    text,
    tags: options.tags ?? [],
    channel: options.channel ?? 'any',
    locked: false,
  };
}

/** `packScript` with the language fixed, for a file written in one language. */
export const scriptsIn =
  (lang: Language) =>
  (...args: Parameters<typeof packScript> extends [Language, ...infer Rest] ? Rest : never): PackScript =>
    packScript(lang, ...args);
