/**
 * The panel's stage: what the agent's next reply should do, read from the tagged turns. The customer's messages
 * since the agent last wrote matter most: an angry customer needs recovery before anything else (even if they
 * added a calmer line after); a bare hello needs a greeting; a stated need needs a needs question, or a solution
 * once the agent has asked and the customer has answered; a question while following the agent's steps needs more
 * solution; "thanks, that's all" needs a closing; a customer returning after days needs a follow-up.
 */
import type { Stage } from '../schemas';
import { RECOVERY_THRESHOLD, type TagState } from './tagger';
import type { Evidence, PanelStage, TurnTag } from './types';

interface TurnLike {
  speaker: 'customer' | 'agent';
}

function result(stage: Stage, confidence: number, evidence: Evidence[], basedOnTurn: number | null): PanelStage {
  return { stage, confidence: Math.round(confidence * 1000) / 1000, evidence, pinned: false, basedOnTurn };
}

const WORKED = /work|done|fixed|sorted|ho gaya|ho gya|mil gaya|aayiduchu|vanthuduchu|ayyindi|vachindi|funciona|listo|solucionado/i;

export function panelStageFor(tags: readonly TurnTag[], turns: readonly TurnLike[], state: TagState): PanelStage {
  const last = tags.length - 1;
  if (last < 0) {
    return result('greeting', 0.9, [{ stage: 'greeting', kind: 'position', cue: 'new conversation', weight: 1 }], null);
  }
  const tag = tags[last] as TurnTag;
  const speaker = (turns[last] as TurnLike).speaker;
  const because = (stage: Stage, cue: string, from: TurnTag = tag): Evidence[] => [
    { stage, kind: 'context', cue, weight: 1 },
    ...from.evidence.slice(0, 4).map((e) => ({ ...e, stage })),
  ];

  if (speaker === 'customer') {
    // The customer's block: their turns since the agent last wrote.
    let blockStart = last;
    while (blockStart > 0 && (turns[blockStart - 1] as TurnLike).speaker === 'customer') blockStart--;
    const lastAgent = blockStart - 1;
    const lastAgentStage = lastAgent >= 0 ? (tags[lastAgent] as TurnTag).stage : null;
    let upset: TurnTag | null = null;
    for (let i = blockStart; i <= last; i++) {
      const t = tags[i] as TurnTag;
      if (t.stage === 'recovery' && (!upset || t.dissatisfaction >= upset.dissatisfaction)) upset = t;
    }
    // Has the agent already asked about this need (and the customer answered), or given a fix already?
    const askedBefore = agentAskedSinceNeed(tags, turns, blockStart);

    switch (tag.stage) {
      case 'recovery':
        return result('recovery', Math.max(tag.confidence, tag.dissatisfaction), because('recovery', 'customer is dissatisfied'), last);
      case 'closing':
        return result('closing', tag.confidence, because('closing', 'customer is wrapping up'), last);
      case 'follow_up':
        if (upset) return result('recovery', upset.confidence * 0.9, because('recovery', 'customer was dissatisfied', upset), last);
        return result('follow_up', tag.confidence, because('follow_up', 'customer returns about an earlier issue'), last);
      case 'greeting':
        return result(state.agentTurns === 0 ? 'greeting' : 'discovery', tag.confidence, because('greeting', 'customer said hello'), last);
      case 'rapport':
        return result('rapport', tag.confidence, because('rapport', 'customer is making small talk'), last);
      case 'solution': {
        if (upset) return result('recovery', upset.confidence * 0.9, because('recovery', 'customer was dissatisfied', upset), last);
        const worked = !tags[last]?.evidence.some((e) => e.kind === 'question') && tag.evidence.some((e) => WORKED.test(e.cue));
        return worked
          ? result('closing', tag.confidence * 0.8, because('closing', 'the fix worked'), last)
          : result('solution', tag.confidence, because('solution', 'customer is following the steps'), last);
      }
      case 'discovery': {
        if (upset) return result('recovery', upset.confidence * 0.9, because('recovery', 'customer was dissatisfied', upset), last);
        if (askedBefore || lastAgentStage === 'solution') {
          // The agent asked and the customer answered (or a fix is under way): the facts are in, offer the solution.
          return result('solution', tag.confidence * 0.85, because('solution', 'the customer answered the needs question'), last);
        }
        if (last > blockStart && tags.slice(blockStart, last).some((t) => t.stage === 'discovery')) {
          // The customer stated the need and then added the details on their own.
          return result('solution', tag.confidence * 0.75, because('solution', 'the customer gave the details'), last);
        }
        const stage: Stage = tag.dissatisfaction >= RECOVERY_THRESHOLD * 0.8 ? 'recovery' : 'discovery';
        return result(stage, tag.confidence * 0.9, because(stage, 'the need is stated, not yet answered'), last);
      }
    }
  }

  // The agent spoke last: the next reply continues from there.
  switch (tag.stage) {
    case 'greeting':
      return result('discovery', tag.confidence * 0.7, because('discovery', 'after the welcome comes the needs question'), last);
    case 'recovery':
      return result('solution', tag.confidence * 0.6, because('solution', 'after the apology, lead to the resolution'), last);
    default:
      return result(tag.stage, tag.confidence * 0.7, because(tag.stage, 'continues the last reply'), last);
  }
}

/**
 * Whether, for the customer's current need, the agent has already asked a needs question (or apologised and
 * asked) and the customer's block answers it: walks back from the block to the turn that stated the need.
 */
function agentAskedSinceNeed(tags: readonly TurnTag[], turns: readonly TurnLike[], blockStart: number): boolean {
  for (let i = blockStart - 1; i >= 0; i--) {
    const t = tags[i] as TurnTag;
    const who = (turns[i] as TurnLike).speaker;
    if (who === 'agent' && (t.stage === 'discovery' || t.stage === 'recovery')) return true;
    if (who === 'agent' && (t.stage === 'closing' || t.stage === 'solution')) return false;
    if (who === 'customer' && (t.stage === 'closing' || t.stage === 'follow_up')) return false;
    if (who === 'customer' && t.stage === 'discovery') {
      // Keep walking: the need may have been stated in an earlier turn of the same exchange.
      continue;
    }
  }
  return false;
}
