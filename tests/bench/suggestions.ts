import 'fake-indexeddb/auto';
import { defaultPack } from '../../scripts-library/default-pack';
import { RankingIndex, selectSuggestions } from '../../scripts-library/ranking';
import type { ConversationSnapshot, Script } from '../../scripts-library/schemas';
import { ConversationTracker } from '../../scripts-library/stage';
import { renderTemplate } from '../../scripts-library/template';
import { templateValuesFor } from '../../scripts-library/template-values';
import { createDatabase } from '../../storage/database';
import { installPack } from '../../storage/packs';
import { allScripts } from '../../storage/scripts';
import { round, timeRuns } from './measure';

/**
 * Snapshot → suggestions, as the side panel does it when a message arrives: tag the new message, pick the stage,
 * rank the library (index built once per library change) and render the top scripts. Baseline, same run: rebuilding
 * the ranking index from the database on every message, as a panel without the cached index would.
 */
export async function benchSnapshotToSuggestions(): Promise<Record<string, unknown>> {
  const db = createDatabase('bench-suggestions');
  await db.open();
  await installPack(db, defaultPack);
  const snapshot: ConversationSnapshot = {
    site: 'demo',
    url: 'http://127.0.0.1/',
    ticketId: '1002',
    subject: 'Late order',
    customerName: 'Meera Iyer',
    agentName: 'Priya Sharma',
    channel: 'chat',
    hasEditor: true,
    certainty: 'adapter',
    messages: [
      { speaker: 'customer', text: 'Hi, my order #4411 has not arrived yet', at: null },
      { speaker: 'agent', text: 'Sorry to hear that, let me check the tracking for you.', at: null },
      { speaker: 'customer', text: 'This is the second time! I am really fed up, I want to cancel.', at: null },
    ],
  };
  const values = templateValuesFor(snapshot);
  const suggest = (index: RankingIndex) => {
    const tracker = new ConversationTracker();
    tracker.update(snapshot.messages);
    const { stage } = tracker.panelStage();
    const ranked = index.rank({
      stage,
      customerLanguage: tracker.language,
      channel: snapshot.channel,
      customerTexts: snapshot.messages.filter((m) => m.speaker === 'customer').map((m) => m.text),
      agentTexts: snapshot.messages.filter((m) => m.speaker === 'agent').map((m) => m.text),
    });
    return selectSuggestions(ranked).map(({ script }) => renderTemplate(script.text, values));
  };
  const cached = new RankingIndex((await allScripts(db)) as Script[]);
  suggest(cached);
  const ours = await timeRuns(200, () => suggest(cached));
  const baseline = await timeRuns(50, async () => suggest(new RankingIndex(await allScripts(db))));
  db.close();
  await db.delete();
  return {
    librarySize: defaultPack.scripts.length,
    cachedIndex: ours,
    baseline: { name: 'ranking index rebuilt from IndexedDB on every message', ...baseline },
    speedupMedian: round(baseline.medianMs / ours.medianMs, 2),
  };
}
