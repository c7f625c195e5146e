// `npm run bench`: prints every benchmark's figures as one JSON object. Each benchmark measures against a named
// baseline in the same run, so the figures compare like with like on whatever machine runs them.
import os from 'node:os';
import { benchContentScript } from './content-script';
import { benchPacks } from './packs';
import { benchSearch } from './search';
import { benchRanking } from './ranking';
import { benchStageDetection } from './stage-detection';
import { benchSnapshotToSuggestions } from './suggestions';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  stageDetection: benchStageDetection,
  snapshotToSuggestions: benchSnapshotToSuggestions,
  contentScript: benchContentScript,
  packs: benchPacks,
  search: benchSearch,
  ranking: benchRanking,
};

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const results: Record<string, unknown> = {
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
};
for (const [name, bench] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  results[name] = await bench();
}
console.log(JSON.stringify(results, null, 2));
