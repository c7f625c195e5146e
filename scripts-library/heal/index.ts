export { HEAL_STEPS, HEAL_CUES, type HealStep } from './cues';
export { healStepsIn, healMaskOf, healBit, type HealEvidence } from './detect';
export { healProgress, recoveryAgentTurns, recoveryStart, type AgentWriting, type HealProgress, type HealSource, type HealStepState, type TurnForHeal } from './coach';
