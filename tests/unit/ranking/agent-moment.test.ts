import { describe, expect, it } from 'vitest';
import { coachHeal, packPriorityOf, rankingMomentOf, turnsWithTags } from '@/scripts-library/ranking';
import type { ConversationSnapshot } from '@/scripts-library/schemas';
import { ConversationTracker } from '@/scripts-library/stage';

const snapshot: ConversationSnapshot = {
  site: 'demo', url: 'http://127.0.0.1/', ticketId: '1', subject: 'Late order', customerName: 'Asha Rao', agentName: 'Priya',
  channel: 'chat', hasEditor: true, certainty: 'adapter',
  messages: [
    { speaker: 'customer', text: 'My order is late again, this is ridiculous, third time!', at: null },
    { speaker: 'agent', text: 'I completely understand how frustrating this is, and I am so sorry.', at: null },
  ],
};

describe('the moment the panel and the palette both rank', () => {
  const tracker = new ConversationTracker();
  tracker.update(snapshot.messages);
  const turns = turnsWithTags(snapshot, tracker.tags, tracker.language);

  it('coaches HEAL after a complaint, ticking what the agent already wrote and drafts inserted since', () => {
    const heal = coachHeal(turns, 'recovery', () => []);
    expect(heal?.steps.find((s) => s.step === 'empathise')?.done).toBe(true);
    expect(coachHeal(turns, 'greeting', () => [])).toBeNull();
    let askedFrom = -2;
    coachHeal(turns, 'recovery', (start) => ((askedFrom = start), []));
    expect(askedFrom).toBe(0);
  });

  it('holds a pinned stage alone and keeps the last customer messages and the used scripts', () => {
    const pinned = { ...tracker.panelStage(), pinned: true };
    const moment = rankingMomentOf({ snapshot, panelStage: pinned, customerLanguage: 'en', agentLanguage: 'en', usedScriptIds: new Set(['x']), heal: null, now: 1 });
    expect(moment.otherStages).toEqual({});
    expect(moment.customerTexts).toEqual([snapshot.messages[0]!.text]);
    expect(moment.usedScriptIds?.has('x')).toBe(true);
  });

  it('ranks team packs above personal scripts above the default pack', () => {
    const priority = packPriorityOf(['default', 'team']);
    expect(priority.get('team')).toBeGreaterThan(priority.get(null)!);
    expect(priority.get(null)).toBeGreaterThan(priority.get('default')!);
  });
});
