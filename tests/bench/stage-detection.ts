/**
 * Stage-detection bench: tagging throughput over a generated mix of all languages, and the cost of one new message
 * on a 500-turn conversation, incremental (ConversationTracker.update) against a named baseline measured in the
 * same run: a full re-tag of the conversation on each new message. Figures only; nothing here asserts a time.
 */
import { performance } from 'node:perf_hooks';
import { ConversationTracker, tagConversation, type Turn } from '../../scripts-library/stage/index';

/** Everyday support lines per language, customer and agent, stitched into conversations by a fixed pseudo-random walk. */
const LINES: Record<string, { customer: string[]; agent: string[] }> = {
  en: {
    customer: ['hi', 'my order has not arrived yet', 'AC-44721', 'this is the third time I am asking 😡', 'ok trying now', 'thanks, that is all'],
    agent: ['Hello, thanks for contacting Acme! How can I help?', 'Could you share the order number?', 'I have refunded it, you will see it in 5 working days.', 'I am so sorry for the trouble.', 'Anything else I can help with?'],
  },
  es: {
    customer: ['hola', 'no me ha llegado el pedido', 'es la tercera vez que escribo, qué vergüenza', 'vale, lo intento', 'muchas gracias, eso es todo'],
    agent: ['Hola, gracias por contactarnos. ¿En qué puedo ayudarle?', '¿Me indica el número de pedido?', 'He procesado el reembolso, lo verá en 5 días hábiles.', 'Lamento mucho las molestias.'],
  },
  hi: {
    customer: ['नमस्ते', 'मेरा ऑर्डर अभी तक नहीं आया', 'बहुत बेकार सेवा है, तीसरी बार बोल रहा हूँ', 'ठीक है, धन्यवाद'],
    agent: ['नमस्ते, मैं आपकी क्या मदद कर सकता हूँ?', 'कृपया ऑर्डर नंबर बताइए', 'मैंने रिफंड कर दिया है, 5 दिन में मिल जाएगा।', 'असुविधा के लिए माफ़ी चाहता हूँ।'],
  },
  'hi-Latn': {
    customer: ['hello ji', 'mera refund abhi tak nahi aaya', 'login hi nahi ho raha hai, I am so frustrated', 'theek hai, try karta hoon', 'dhanyavaad, bas itna hi'],
    agent: ['Namaste, main aapki kya madad kar sakta hoon?', 'Order number bata dijiye', 'Maine refund kar diya hai, 5 din mein mil jayega.', 'Asuvidha ke liye maafi chahta hoon.'],
  },
  ta: {
    customer: ['வணக்கம்', 'என் ஆர்டர் இன்னும் வரவில்லை', 'ரொம்ப மோசமான சேவை', 'சரி, முயற்சி செய்கிறேன்', 'நன்றி, அவ்வளவுதான்'],
    agent: ['வணக்கம், நான் எப்படி உதவ முடியும்?', 'ஆர்டர் எண்ணைப் பகிர முடியுமா?', 'ரீஃபண்ட் செய்துவிட்டேன், 5 நாட்களில் கிடைக்கும்.', 'சிரமத்திற்கு மன்னிக்கவும்.'],
  },
  'ta-Latn': {
    customer: ['vanakkam', 'en order innum varala', 'romba mosam, evlo naal wait panradhu', 'seri, try panren', 'romba nandri, avlo dhan'],
    agent: ['Vanakkam, naan epdi help panna mudiyum?', 'Order number share pannunga', 'Refund panniten, 5 days la kedaikum.', 'Delay ku mannikkavum.'],
  },
  te: {
    customer: ['నమస్కారం', 'నా ఆర్డర్ ఇంకా రాలేదు', 'చాలా దారుణమైన సేవ', 'సరే, ప్రయత్నిస్తాను', 'ధన్యవాదాలు, అంతే'],
    agent: ['నమస్కారం, నేను మీకు ఎలా సహాయం చేయగలను?', 'ఆర్డర్ నంబర్ షేర్ చేయగలరా?', 'రీఫండ్ చేశాను, 5 రోజుల్లో వస్తుంది.', 'అసౌకర్యానికి క్షమించండి.'],
  },
  'te-Latn': {
    customer: ['namaskaram andi', 'naa order inka raaledu', 'chala chiraku ga undi, enni sarlu cheppali', 'sare, try chestanu', 'chala thanks andi, anthe'],
    agent: ['Namaskaram, meeku ela help cheyagalanu?', 'Order number share cheyagalara?', 'Refund chesanu, 5 days lo vastundi.', 'Delay ki kshaminchandi.'],
  },
};

function generateConversation(lang: string, turns: number, seed: number): Turn[] {
  const lines = LINES[lang] as { customer: string[]; agent: string[] };
  let x = seed;
  const next = (n: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const start = Date.parse('2026-05-01T10:00:00Z');
  const out: Turn[] = [];
  for (let i = 0; i < turns; i++) {
    const speaker = i % 2 === 0 ? 'customer' : 'agent';
    const pool = lines[speaker];
    out.push({ speaker, text: pool[next(pool.length)] as string, at: new Date(start + i * 45_000).toISOString() });
  }
  return out;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export async function benchStageDetection(): Promise<Record<string, unknown>> {
  const languages = Object.keys(LINES);

  // Throughput: many 12-turn conversations across all languages, tagged from scratch, single thread.
  const conversations: Turn[][] = [];
  for (let i = 0; i < 400; i++) conversations.push(generateConversation(languages[i % languages.length] as string, 12, i + 1));
  const totalTurns = conversations.reduce((n, c) => n + c.length, 0);
  for (const c of conversations.slice(0, 40)) tagConversation(c); // warm-up
  // Wall-clock time depends on what else the machine runs; CPU time of this process measures the work itself.
  let bestWall = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  for (let round_ = 0; round_ < 5; round_++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const c of conversations) tagConversation(c);
    bestWall = Math.min(bestWall, performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  const turnsPerSecond = totalTurns / (bestCpu / 1000);
  const turnsPerSecondWall = totalTurns / (bestWall / 1000);

  // Incremental update vs full re-tag on a 500-turn conversation (mixed languages, as a long thread can be).
  const long: Turn[] = [];
  for (let i = 0; i < 500; i++) {
    const lang = languages[Math.floor(i / 60) % languages.length] as string;
    long.push(...generateConversation(lang, 1, 7 * i + 3).map((t, j) => ({ ...t, speaker: (i + j) % 2 === 0 ? 'customer' : 'agent' } as Turn)));
  }
  const measured = 100; // the last 100 messages of the 500
  const tracker = new ConversationTracker();
  tracker.update(long.slice(0, long.length - measured));
  const incremental: number[] = [];
  for (let i = long.length - measured; i < long.length; i++) {
    // Each update gets a fresh array of fresh turn objects, as the side panel does after each page read.
    const snapshot = long.slice(0, i + 1).map((t) => ({ ...t }));
    const t0 = performance.now();
    tracker.update(snapshot);
    tracker.panelStage();
    incremental.push(performance.now() - t0);
  }
  const baseline: number[] = [];
  for (let i = long.length - 20; i < long.length; i++) {
    const snapshot = long.slice(0, i + 1);
    const t0 = performance.now();
    tagConversation(snapshot);
    baseline.push(performance.now() - t0);
  }
  incremental.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  const incMedian = quantile(incremental, 0.5);
  const baseMedian = quantile(baseline, 0.5);

  return {
    throughput: {
      turnsPerSecond: Math.round(turnsPerSecond),
      turnsPerSecondWallClock: Math.round(turnsPerSecondWall),
      turns: totalTurns,
      languages,
      note: 'tagConversation over 400 generated 12-turn conversations, single thread, best of 5 runs; turnsPerSecond uses the process CPU time (robust to other load on the machine), turnsPerSecondWallClock the elapsed time',
    },
    incrementalUpdate: {
      conversationTurns: long.length,
      updatesMeasured: incremental.length,
      medianMs: round(incMedian, 4),
      p95Ms: round(quantile(incremental, 0.95), 4),
      note: 'ConversationTracker.update(fresh copy of all turns) + panelStage() per new message',
    },
    baseline: {
      name: 'full re-tag of the conversation on each new message',
      updatesMeasured: baseline.length,
      medianMs: round(baseMedian, 3),
      p95Ms: round(quantile(baseline, 0.95), 3),
    },
    speedupMedian: round(baseMedian / Math.max(incMedian, 1e-6), 1),
  };
}

// `npx tsx tests/bench/stage-detection.ts` prints the figures on its own.
if (/stage-detection\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  benchStageDetection().then((r) => console.log(JSON.stringify(r, null, 2)));
}
