import type { Pack, PackScript } from '@/scripts-library/schemas';
import type { AgentAssistDatabase } from '@/storage/database';

export type ScriptSeed = Partial<PackScript> & { id: string };

export function makePack(version: string, scripts: ScriptSeed[], extra: Partial<Pack> = {}): Pack {
  return {
    id: 'team',
    name: 'Team pack',
    version,
    publisher: 'Lead',
    description: '',
    languages: ['en'],
    scripts: scripts.map((s) => ({
      stage: 'greeting',
      kind: 'greeting',
      lang: 'en',
      title: s.id,
      text: `Text of ${s.id}`,
      tags: [],
      channel: 'any',
      locked: false,
      ...s,
    })),
    ...extra,
  };
}

export function bytesOf(document: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(document, null, 2));
}

/** Every table's rows, in key order, as one string: equal strings mean an unchanged database. */
export async function databaseDump(db: AgentAssistDatabase): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
  return JSON.stringify(tables);
}
