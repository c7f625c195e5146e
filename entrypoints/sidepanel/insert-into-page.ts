import { t } from '@/components/i18n';
import { InsertResult, type ContentRequest } from '@/scripts-library/messages';
import type { RenderedTemplate } from '@/scripts-library/template';
import type { PanelNotice } from './panel-store';

export interface InsertOutcome {
  notice: PanelNotice;
  /** `inserted` into the page's editor, `copied` to the clipboard instead, or null when neither worked. */
  method: 'inserted' | 'copied' | null;
}

/** Asks the tab's content script to insert the text; when it cannot, the text goes to the clipboard instead. */
export async function insertIntoPage(tabId: number, rendered: RenderedTemplate): Promise<InsertOutcome> {
  const request: ContentRequest = { type: 'insert', text: rendered.text, cursor: rendered.cursor };
  let result: InsertResult | null = null;
  try {
    const parsed = InsertResult.safeParse(await browser.tabs.sendMessage(tabId, request, { frameId: 0 }));
    result = parsed.success ? parsed.data : null;
  } catch {
    result = null;
  }
  if (result?.ok) return { notice: { kind: 'success', text: t('inserted') }, method: 'inserted' };
  const why =
    result === null ? t('insertUnreachable')
    : result.reason === 'no-editor' ? t('insertNoEditor')
    : result.reason === 'editor-gone' ? t('insertEditorGone')
    : t('insertFailed');
  const copied = await copyText(rendered.text, why);
  return copied.kind === 'error' ? { notice: copied, method: null } : { notice: { kind: 'warning', text: why }, method: 'copied' };
}

export async function copyText(text: string, successText: string): Promise<PanelNotice> {
  try {
    await navigator.clipboard.writeText(text);
    return { kind: 'success', text: successText };
  } catch (error) {
    return { kind: 'error', text: t('copyFailed', (error as Error).message) };
  }
}
