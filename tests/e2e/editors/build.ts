import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the editor fixture pages (the real editor libraries from npm) into `.built/`, one `NAME.html` per page.
 * Draft.js is built apart with React 18 (tests/e2e/editors/react18), the rest share chunks and React 19.
 */

const HERE = import.meta.dirname;
export const BUILT_DIR = join(HERE, '.built');

export const FIXTURES = {
  ckeditor: { entry: 'ckeditor.js', title: 'CKEditor 5' },
  prosemirror: { entry: 'prosemirror.js', title: 'ProseMirror' },
  quill: { entry: 'quill.js', title: 'Quill 2' },
  draft: { entry: 'draft.jsx', title: 'Draft.js' },
  lexical: { entry: 'lexical.js', title: 'Lexical' },
  slate: { entry: 'slate.jsx', title: 'Slate' },
  tinymce: { entry: 'tinymce.js', title: 'TinyMCE-style' },
  summernote: { entry: 'summernote.js', title: 'Summernote-style' },
  contenteditable: { entry: 'contenteditable.js', title: 'Plain contenteditable' },
  textarea: { entry: 'textarea.jsx', title: 'React textarea' },
  iframe: { entry: 'iframe.js', title: 'CKEditor 5 in an iframe' },
  shadow: { entry: 'shadow.js', title: 'ProseMirror in a shadow root' },
} as const;
export type FixtureName = keyof typeof FIXTURES;

const REACT_18 = join(HERE, 'react18', 'node_modules');

export async function buildEditorFixtures(): Promise<string> {
  rmSync(BUILT_DIR, { recursive: true, force: true });
  mkdirSync(BUILT_DIR, { recursive: true });
  const common = {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    outdir: BUILT_DIR,
    logLevel: 'warning',
    // React and fbjs read these at run time; the fixtures are production builds.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  } as const;
  const entries = Object.entries(FIXTURES);
  await Promise.all([
    build({
      ...common,
      splitting: true,
      entryPoints: entries.filter(([name]) => name !== 'draft').map(([name, { entry }]) => ({ in: join(HERE, entry), out: name })),
    }),
    build({
      ...common,
      entryPoints: [{ in: join(HERE, FIXTURES.draft.entry), out: 'draft' }],
      alias: { react: resolve(REACT_18, 'react'), 'react-dom': resolve(REACT_18, 'react-dom') },
    }),
  ]);
  const shell = readFileSync(join(HERE, 'shell.html'), 'utf8');
  for (const [name, { title }] of entries) {
    const style = existsSync(join(BUILT_DIR, `${name}.css`)) ? `<link rel="stylesheet" href="${name}.css">` : '';
    const html = shell.replaceAll('%TITLE%', title).replace('%STYLE%', style).replace('%SCRIPT%', `${name}.js`);
    writeFileSync(join(BUILT_DIR, `${name}.html`), html);
  }
  return BUILT_DIR;
}
