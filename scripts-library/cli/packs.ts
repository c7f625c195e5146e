import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackFromFiles, isScriptFile, PACK_META_FILES, type AuthoredFile } from '../packs/authoring';
import { diffPacks, formatPackDiff } from '../packs/diff';
import { packContent, packJsonSchema, readPackBytes, type PackFile } from '../packs/format';
import { lintPackDocument, lintPackText, type LintReport } from '../packs/lint';
import { checkPackSignature, generatePackKeyPair, keyLabel, normalisePublicKey, publicKeyOf, signPackDocument } from '../packs/signature';

/**
 * `npm run -s packs -- <command>`: the team lead's tool for script packs. Exit codes: 0 success, 1 invalid input
 * (every problem listed, by JSON path or file), 2 usage errors (unknown command or flag, missing argument, a file
 * that cannot be read).
 */

const USAGE = `Usage: npm run -s packs -- <command> [arguments]

Commands:
  init [DIR] [--id ID] [--name NAME] [--publisher NAME]
                              start a pack folder: pack.yaml, two example scripts, the JSON Schema
  build DIR [--out FILE]      turn a pack folder (one script a file, YAML or Markdown) into a pack JSON file
  lint FILE|DIR               check the schema, template syntax and basic wording rules
  keygen [--out NAME]         make an Ed25519 key pair: NAME.key.json (secret) and NAME.pub (to share)
  sign FILE --key PRIVATE [--out FILE]
                              sign a pack (in place unless --out); PRIVATE is a .key.json file
  verify FILE --key PUBLIC    check the pack is signed by PUBLIC (a .pub file or the base64 key itself)
  validate FILE               check a pack as the extension will when installing it
  diff OLD NEW [--json]       what changed between two versions of a pack
  schema [--out FILE]         print the pack JSON Schema (public/pack.schema.json is this output)

Exit codes: 0 success, 1 invalid input (every problem listed), 2 usage error.`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

class UsageError extends Error {}
class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

const FLAGS_WITH_VALUES = new Set(['out', 'key', 'id', 'name', 'publisher']);

function parseArgs(args: string[], allowed: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
    if (FLAGS_WITH_VALUES.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else {
      flags.set(name, true);
    }
  }
  return { positional, flags };
}

function expectPositional(parsed: Parsed, count: number, names: string): string[] {
  if (parsed.positional.length < count) throw new UsageError(`missing ${names}`);
  if (parsed.positional.length > count) throw new UsageError(`unexpected argument "${parsed.positional[count]}"`);
  return parsed.positional;
}

export async function runPacksCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  const at = (path: string) => resolve(io.cwd, path);
  try {
    switch (command) {
      case undefined:
        io.stderr(USAGE);
        return 2;
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return 0;
      case 'init':
        return await init(parseArgs(rest, ['id', 'name', 'publisher']), io, at);
      case 'build': {
        const parsed = parseArgs(rest, ['out']);
        const [dir] = expectPositional(parsed, 1, 'the pack folder (build DIR)');
        const document = await buildFromFolder(at(dir!), dir!);
        const json = `${JSON.stringify(document, null, 2)}\n`;
        const out = parsed.flags.get('out');
        const lint = lintPackDocument(document);
        for (const warning of lint.warnings) io.stderr(`warning  ${warning}`);
        if (typeof out === 'string') {
          await writeFile(at(out), json);
          io.stderr(`built ${String(document.id)} ${String(document.version)}: ${(document.scripts as unknown[]).length} scripts → ${out}`);
        } else {
          io.stdout(json.trimEnd());
        }
        return 0;
      }
      case 'lint': {
        const [target] = expectPositional(parseArgs(rest, []), 1, 'a pack file or folder (lint FILE|DIR)');
        const path = at(target!);
        const report: LintReport = (await isDirectory(path))
          ? lintPackDocument(await buildFromFolder(path, target!))
          : lintPackText(await readText(path, target!));
        for (const error of report.errors) io.stderr(`error    ${error}`);
        for (const warning of report.warnings) io.stderr(`warning  ${warning}`);
        io.stdout(`${target}: ${report.errors.length} errors, ${report.warnings.length} warnings`);
        return report.errors.length > 0 ? 1 : 0;
      }
      case 'keygen': {
        const parsed = parseArgs(rest, ['out']);
        expectPositional(parsed, 0, '');
        const name = String(parsed.flags.get('out') ?? 'pack-signing');
        const privatePath = at(`${name}.key.json`);
        const publicPath = at(`${name}.pub`);
        for (const path of [privatePath, publicPath]) {
          if (await exists(path)) throw new InputError([`${relative(io.cwd, path)}: already exists; keys are never overwritten (choose another --out)`]);
        }
        const pair = await generatePackKeyPair();
        await writeFile(privatePath, `${JSON.stringify(pair.privateKey, null, 2)}\n`, { mode: 0o600 });
        await chmod(privatePath, 0o600);
        await writeFile(publicPath, `${pair.publicKey}\n`);
        io.stdout(pair.publicKey);
        io.stderr(`private key: ${relative(io.cwd, privatePath)} (keep it secret)\npublic key:  ${relative(io.cwd, publicPath)} (give it to agents or put it in the policy's trustedKeys)`);
        return 0;
      }
      case 'sign': {
        const parsed = parseArgs(rest, ['key', 'out']);
        const [file] = expectPositional(parsed, 1, 'the pack file (sign FILE --key PRIVATE)');
        const keyPath = parsed.flags.get('key');
        if (typeof keyPath !== 'string') throw new UsageError('missing --key PRIVATE (a .key.json file from keygen)');
        const privateKey = await readPrivateKey(at(keyPath), keyPath);
        const { document } = await readValidPack(at(file!), file!);
        const signed = await signPackDocument(document, privateKey);
        const out = String(parsed.flags.get('out') ?? file);
        await writeFile(at(out), `${JSON.stringify(signed, null, 2)}\n`);
        io.stdout(`signed ${out} with key ${publicKeyOf(privateKey)}`);
        return 0;
      }
      case 'verify': {
        const parsed = parseArgs(rest, ['key']);
        const [file] = expectPositional(parsed, 1, 'the pack file (verify FILE --key PUBLIC)');
        const keyArg = parsed.flags.get('key');
        if (typeof keyArg !== 'string') throw new UsageError('missing --key PUBLIC (a .pub file or the base64 key)');
        const expected = await readPublicKey(keyArg, at);
        const { document } = await readValidPack(at(file!), file!);
        const check = await checkPackSignature(document);
        if (check.status === 'unsigned') throw new InputError([`${file}: signature: the pack is not signed`]);
        if (check.status === 'invalid') throw new InputError([`${file}: signature: ${check.reason}`]);
        if (check.publicKey !== expected) {
          throw new InputError([`${file}: signature: valid, but made with key ${check.publicKey}, not with ${expected}`]);
        }
        io.stdout(`${file}: signature valid (key ${keyLabel(check.publicKey)})`);
        return 0;
      }
      case 'validate': {
        const [file] = expectPositional(parseArgs(rest, []), 1, 'the pack file (validate FILE)');
        const { pack, document } = await readValidPack(at(file!), file!);
        const check = await checkPackSignature(document);
        if (check.status === 'invalid') throw new InputError([`${file}: signature: ${check.reason}`]);
        const signed = check.status === 'valid' ? `signed with key ${keyLabel(check.publicKey)}` : 'unsigned';
        io.stdout(`${file}: valid pack ${pack.id} ${pack.version}, ${pack.scripts.length} scripts, ${signed}`);
        return 0;
      }
      case 'diff': {
        const parsed = parseArgs(rest, ['json']);
        const [oldFile, newFile] = expectPositional(parsed, 2, 'two pack files (diff OLD NEW)');
        const [older, newer] = await Promise.all([readValidPack(at(oldFile!), oldFile!), readValidPack(at(newFile!), newFile!)]);
        const diff = diffPacks(packContent(older.pack), packContent(newer.pack));
        io.stdout(parsed.flags.has('json') ? JSON.stringify(diff, null, 2) : formatPackDiff(diff).join('\n'));
        return 0;
      }
      case 'schema': {
        const parsed = parseArgs(rest, ['out']);
        expectPositional(parsed, 0, '');
        const json = `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
        const out = parsed.flags.get('out');
        if (typeof out === 'string') await writeFile(at(out), json);
        else io.stdout(json.trimEnd());
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`packs: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      for (const problem of error.problems) io.stderr(problem);
      io.stderr(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`);
      return 1;
    }
    throw error;
  }
}

async function init(parsed: Parsed, io: CliIo, at: (path: string) => string): Promise<number> {
  if (parsed.positional.length > 1) throw new UsageError(`unexpected argument "${parsed.positional[1]}"`);
  const dir = at(parsed.positional[0] ?? '.');
  const id = String(parsed.flags.get('id') ?? (basename(dir).replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'team-pack'));
  const files: Record<string, string> = {
    'pack.yaml': [
      `id: ${id}`,
      `name: ${JSON.stringify(String(parsed.flags.get('name') ?? 'Our team scripts'))}`,
      'version: 1.0.0',
      `publisher: ${JSON.stringify(String(parsed.flags.get('publisher') ?? 'Support team lead'))}`,
      'description: How our team greets, listens, solves and closes.',
      '# languages: [en, hi]   # optional: worked out from the scripts when left out',
      '',
    ].join('\n'),
    'scripts/greeting-welcome.en.md': [
      '---',
      'stage: greeting',
      'kind: greeting',
      'lang: en',
      'title: Warm welcome',
      'channel: chat',
      'locked: true',
      'tags: [welcome]',
      '---',
      'Hi {{customer.firstName|there}}, thanks for reaching out! I’m {{agent.firstName}}, and I’m here to help.',
      '',
    ].join('\n'),
    'scripts/closing-thanks.en.yaml': [
      'stage: closing',
      'kind: gratitude',
      'lang: en',
      'title: Genuine thanks',
      'text: |-',
      '  Thank you for your patience today, {{customer.firstName|there}}. Is there anything else I can help you with?',
      '',
    ].join('\n'),
    'pack.schema.json': `${JSON.stringify(packJsonSchema(), null, 2)}\n`,
  };
  const taken: string[] = [];
  for (const name of Object.keys(files)) if (await exists(join(dir, name))) taken.push(`${join(relative(io.cwd, dir) || '.', name)}: already exists; init never overwrites`);
  if (taken.length > 0) throw new InputError(taken);
  await mkdir(join(dir, 'scripts'), { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  const shown = relative(io.cwd, dir) || '.';
  io.stdout(`started pack "${id}" in ${shown}\nnext: edit the files, then  npm run -s packs -- build ${shown} --out ${id}.json`);
  return 0;
}

async function buildFromFolder(dir: string, shown: string): Promise<Record<string, unknown>> {
  if (!(await isDirectory(dir))) throw new UsageError(`${shown}: not a folder`);
  let meta: AuthoredFile | null = null;
  for (const name of PACK_META_FILES) {
    if (await exists(join(dir, name))) {
      meta = { path: name, content: await readFile(join(dir, name), 'utf8') };
      break;
    }
  }
  if (!meta) throw new InputError([`${shown}: no pack.yaml (or pack.json) with the pack's id, name, version and publisher`]);
  const files: AuthoredFile[] = [];
  for (const path of await listFiles(dir)) {
    const relativePath = relative(dir, path).split(sep).join('/');
    if (isScriptFile(relativePath)) files.push({ path: relativePath, content: await readFile(path, 'utf8') });
  }
  const built = buildPackFromFiles(meta, files);
  if (!built.ok) throw new InputError(built.problems);
  return built.document;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

async function readValidPack(path: string, shown: string): Promise<{ pack: PackFile; document: Record<string, unknown> }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UsageError(`${shown}: cannot read the file`);
  }
  const read = readPackBytes(bytes);
  if (!read.ok) throw new InputError(read.problems.map((problem) => `${shown}: ${problem}`));
  return read;
}

async function readText(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`${shown}: cannot read the file`);
  }
}

async function readPrivateKey(path: string, shown: string): Promise<JsonWebKey> {
  const text = await readText(path, shown);
  try {
    const key = JSON.parse(text) as JsonWebKey;
    publicKeyOf(key);
    return key;
  } catch (error) {
    throw new InputError([`${shown}: ${error instanceof SyntaxError ? 'not valid JSON' : error instanceof Error ? error.message : String(error)}; use a .key.json file made by keygen`]);
  }
}

async function readPublicKey(arg: string, at: (path: string) => string): Promise<string> {
  const inline = normalisePublicKey(arg);
  if (inline) return inline;
  const text = await readText(at(arg), arg);
  const key = normalisePublicKey(text);
  if (!key) throw new InputError([`${arg}: not an Ed25519 public key (expected the base64 line keygen writes to NAME.pub)`]);
  return key;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await runPacksCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
