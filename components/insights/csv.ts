import type { InsertEvent } from '@/storage/database';

/** Columns of the export; stable names so a team lead's spreadsheet keeps working across versions. */
export const CSV_COLUMNS = [
  'time',
  'script_id',
  'script_title',
  'stage',
  'kind',
  'language',
  'site',
  'method',
  'sent',
  'edited_before_sending',
  'next_customer_dissatisfaction',
] as const;

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a script title as a formula. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Every insert as one CSV line, oldest first: what was inserted, where and when, whether it was sent and edited,
 * and the customer's next mood. No customer text: there is none to export.
 */
export function insertsCsv(events: readonly InsertEvent[], titleOf: (scriptId: string) => string | undefined): string {
  const rows = [...events]
    .sort((a, b) => a.at - b.at)
    .map((e) =>
      [
        new Date(e.at).toISOString(),
        e.scriptId,
        titleOf(e.scriptId) ?? '',
        e.stage,
        e.kind,
        e.lang,
        e.site,
        e.method,
        e.sentTurn !== null,
        e.edited,
        e.nextDissatisfaction,
      ]
        .map(cell)
        .join(','),
    );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
