/**
 * The panel's stage: what the agent's next reply should do, read from the tagged turns. The last customer turn
 * matters most: an angry customer needs recovery before anything else; a bare hello needs a greeting; a stated need
 * needs a needs question or, once the facts are in, a solution; "thanks, that's all" needs a closing; a customer
 * returning after days about an earlier issue needs a follow-up.
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

export function panelStageFor(tags: readonly TurnTag[], turns: readonly TurnLike[], state: TagState): PanelStage {
  const last = tags.length - 1;
  if (last < 0) {
    return result('greeting', 0.9, [{ stage: 'greeting', kind: 'position', cue: 'new conversation', weight: 1 }], null);
  }
  const tag = tags[last] as TurnTag;
  const speaker = (turns[last] as TurnLike).speaker;
  const because = (stage: Stage, cue: string): Evidence[] => [
    { stage, kind: 'context', cue, weight: 1 },
    ...tag.evidence.slice(0, 4).map((e) => ({ ...e, stage })),
  ];

  if (speaker === 'customer') {
    switch (tag.stage) {
      case 'recovery':
        return result('recovery', Math.max(tag.confidence, tag.dissatisfaction), because('recovery', 'customer is dissatisfied'), last);
      case 'greeting':
        return result(state.agentTurns === 0 ? 'greeting' : 'discovery', tag.confidence, because('greeting', 'customer said hello'), last);
      case 'rapport':
        return result('rapport', tag.confidence, because('rapport', 'customer is making small talk'), last);
      case 'follow_up':
        return result('follow_up', tag.confidence, because('follow_up', 'customer returns about an earlier issue'), last);
      case 'closing':
        return result('closing', tag.confidence, because('closing', 'customer is wrapping up'), last);
      case 'solution': {
        const worked = tag.evidence.some((e) => /work|done|fixed|sorted|ho gaya|aayiduchu|ayyindi|funciona/i.test(e.cue));
        return worked
          ? result('closing', tag.confidence * 0.8, because('closing', 'the fix worked'), last)
          : result('solution', tag.confidence, because('solution', 'customer is following the steps'), last);
      }
      case 'discovery': {
        // Once the agent has asked and the customer answered, the facts are in: offer the solution.
        const answered = last > 0 && (turns[last - 1] as TurnLike).speaker === 'agent' && tags[last - 1]?.stage === 'discovery';
        if (answered) return result('solution', tag.confidence * 0.85, because('solution', 'the customer answered the needs question'), last);
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
