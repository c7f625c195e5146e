import type { Script } from '@/scripts-library/schemas';
import type { RankingMoment } from '@/scripts-library/ranking';

export function script(id: string, fields: Partial<Script> = {}): Script {
  return {
    id,
    stage: 'recovery',
    kind: 'empathy',
    lang: 'en',
    title: id,
    text: `Neutral wording number ${id}`,
    tags: [],
    channel: 'any',
    packId: 'default',
    locked: false,
    version: 1,
    editedLocally: false,
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

export function moment(fields: Partial<RankingMoment> = {}): RankingMoment {
  return {
    stage: 'recovery',
    customerLanguage: 'en',
    agentLanguage: null,
    channel: null,
    customerTexts: [],
    agentTexts: [],
    now: 1_800_000_000_000,
    ...fields,
  };
}
