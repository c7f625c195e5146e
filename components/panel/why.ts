import type { HealStep } from '@/scripts-library/heal';
import type { RankFactor } from '@/scripts-library/ranking';
import type { Language, Script, ScriptChannel, ScriptKind, Stage } from '@/scripts-library/schemas';
import { formatNumber, t, type MessageKey } from '../i18n';
import { languageName, stageName } from '../labels';

export const kindName = (kind: ScriptKind): string => t(`kind_${kind}` as MessageKey);
export const channelName = (channel: ScriptChannel): string => t(`channel_${channel}` as MessageKey);
export const healStepName = (step: HealStep): string => t(`heal_${step}` as MessageKey);
export const healStepHint = (step: HealStep): string => t(`healHint_${step}` as MessageKey);

/** One reason in a script's score, as a sentence in the interface language. */
export function describeFactor(factor: RankFactor, script: Script): string {
  switch (factor.factor) {
    case 'stage':
      return factor.detail === 'match'
        ? t('why_stage_match', stageName(script.stage))
        : factor.detail === 'other'
          ? t('why_stage_other', stageName(script.stage))
          : t('why_stage_neighbour', stageName(script.stage));
    case 'language':
      return t(`why_language_${factor.detail ?? 'english'}` as MessageKey, languageName(script.lang as Language));
    case 'channel':
      return t(factor.detail === 'mismatch' ? 'why_channel_mismatch' : 'why_channel_match', channelName(script.channel));
    case 'kind':
      return t('why_kind', [kindName(script.kind), stageName(script.stage as Stage)]);
    case 'heal':
      return t('why_heal', healStepName((factor.detail ?? 'empathise') as HealStep));
    case 'words':
      return t('why_words', (factor.shared ?? []).slice(0, 6).join(', '));
    case 'pack':
      return t('why_pack', factor.detail ?? '');
    case 'favourite':
      return t('why_favourite');
    case 'recency':
      return factor.detail === '0' ? t('why_recency_today') : t('why_recency_days', formatNumber(Number(factor.detail ?? 0)));
    case 'frequency':
      return t('why_frequency', formatNumber(Number(factor.detail ?? 0)));
    case 'used':
      return t(factor.detail === 'sent' ? 'why_used_sent' : 'why_used_inserted');
  }
}

export function formatPoints(points: number): string {
  return formatNumber(points, { maximumFractionDigits: points % 1 === 0 ? 0 : 2, signDisplay: 'always' });
}
