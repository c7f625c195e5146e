export interface InsertOutcome {
  ok: boolean;
  /** Which way the text went in (`paste`, `paste-html`, `beforeinput`, `execCommand`, `range`, `setRangeText`). */
  strategy: string | null;
}
