import type { Speaker } from '@/scripts-library/schemas';

export interface PlaygroundTurn {
  speaker: Speaker;
  text: string;
}

/**
 * Reads a pasted conversation: one turn per line that starts with who speaks ("Customer:", "Agent:", "C:", "A:",
 * or the same words in Hindi, Tamil or Telugu); other lines continue the turn above. Lines before the first
 * speaker belong to the customer, since conversations open with the customer far more often than not.
 */
const SPEAKER_LINE =
  /^\s*(customer|cust|client|user|c|agent|support|staff|a|ग्राहक|एजेंट|வாடிக்கையாளர்|முகவர்|ஏஜென்ட்|కస్టమర్|వినియోగదారు|ఏజెంట్|cliente)\s*[:：]\s?(.*)$/iu;
const AGENT_WORDS = new Set(['agent', 'support', 'staff', 'a', 'एजेंट', 'முகவர்', 'ஏஜென்ட்', 'ఏజెంట్']);

export function parseConversationText(text: string): PlaygroundTurn[] {
  const turns: PlaygroundTurn[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const match = SPEAKER_LINE.exec(line);
    if (match) {
      const who = match[1]!.toLowerCase();
      turns.push({ speaker: AGENT_WORDS.has(who) ? 'agent' : 'customer', text: match[2]!.trim() });
    } else if (turns.length > 0) {
      const last = turns[turns.length - 1]!;
      last.text = last.text ? `${last.text}\n${line}` : line;
    } else if (line.trim()) {
      turns.push({ speaker: 'customer', text: line.trim() });
    }
  }
  return turns.map((t) => ({ ...t, text: t.text.trim() })).filter((t) => t.text.length > 0);
}

export function formatConversationText(turns: readonly PlaygroundTurn[]): string {
  return turns.map((t) => `${t.speaker === 'agent' ? 'Agent' : 'Customer'}: ${t.text}`).join('\n');
}
