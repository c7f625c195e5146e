import 'fake-indexeddb/auto';
import { defaultPack } from '../../scripts-library/default-pack';
import type { ConversationSnapshot } from '../../scripts-library/schemas';
import { ConversationTracker } from '../../scripts-library/stage';
import { replyLanguagesFor, suggestScripts } from '../../scripts-library/suggestions';
import { createDatabase } from '../../storage/database';
import { installPack } from '../../storage/packs';
import { scriptsForStage, allScripts } from '../../storage/scripts';
import { round, timeRuns } from './measure';

/**
 * Snapshot → suggestions, as the side panel does it: tag the new message, pick the stage, fetch that stage's scripts
 * through the [stage+lang] index and rank them. Baseline, same run: loading the whole library and filtering in memory.
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
  const run = async (fetchScripts: (stage: string, langs: string[]) => Promise<unknown[]>) => {
    const tracker = new ConversationTracker();
    tracker.update(snapshot.messages);
    const { stage } = tracker.panelStage();
    const scripts = (await fetchScripts(stage, replyLanguagesFor(tracker.language))) as Parameters<typeof suggestScripts>[0];
    return suggestScripts(scripts, { stage, lang: tracker.language, snapshot });
  };
  const indexed = (stage: string, langs: string[]) => scriptsForStage(db, stage as never, langs as never);
  const wholeLibrary = async () => allScripts(db);
  await run(indexed);
  await run(wholeLibrary);
  const ours = await timeRuns(200, () => run(indexed));
  const baseline = await timeRuns(200, () => run(wholeLibrary));
  db.close();
  await db.delete();
  return {
    librarySize: defaultPack.scripts.length,
    indexedQuery: ours,
    baseline: { name: 'whole library loaded and filtered in memory', ...baseline },
    speedupMedian: round(baseline.medianMs / ours.medianMs, 2),
  };
}
