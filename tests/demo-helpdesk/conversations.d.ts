// Types for conversations.js, so TypeScript tests can import the sample tickets (the page itself needs no build).
import type { Stage } from '../../scripts-library/schemas';

export interface DemoLogEntry {
  /** `note` (internal note) and `system` (status changes and the like) are shown in the log but are not messages. */
  from: 'customer' | 'agent' | 'note' | 'system';
  author?: string;
  /** Paragraphs separated by a blank line, line breaks as `\n`. */
  text: string;
  /** ISO-8601 with offset, as written; the page shifts it unless opened with `?clock=fixed`. */
  at: string;
}

export interface DemoOrder {
  id: string;
  item: string;
  date: string;
  total: string;
  status: string;
}

export interface DemoCustomer {
  name: string;
  email: string;
  /** BCP-47 tag; `hi-Latn` is romanized Hindi ("Hinglish"). */
  language: string;
  plan: string;
  location: string;
  customerSince: string;
  orders: DemoOrder[];
}

export interface DemoCannedReply {
  text: string;
  /** Stage the panel should suggest once this reply is appended, best first. */
  expectedStages: Stage[];
}

export interface DemoTicket {
  id: string;
  subject: string;
  status: 'open' | 'pending' | 'solved';
  unread: boolean;
  channel: 'chat' | 'email';
  customer: DemoCustomer;
  messages: DemoLogEntry[];
  /** What "Simulate customer reply" appends, in order. */
  cannedReplies: DemoCannedReply[];
  /** Stage the panel should suggest for the agent's next reply after the last message, best first. */
  expectedStages: Stage[];
}

export declare const brand: string;
export declare const agent: { name: string; email: string; team: string };
export declare const accountTimeZone: string;
export declare const demoNow: string;
export declare const languageNames: Record<string, string>;
export declare const tickets: DemoTicket[];
