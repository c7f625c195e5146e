import { describe, expect, it } from 'vitest';
import { describeEvidence, scoreDissatisfaction } from '../../../scripts-library/stage/index';

const T = 0.42; // the tagger's recovery threshold

describe('scoreDissatisfaction', () => {
  it.each([
    ['I am so frustrated, this is the third time I am asking!', 'en'],
    ['not happy at all with this service', 'en'],
    ["I'm quite disappointed", 'en'],
    ['This is unacceptable. Cancel my account or I will go to the consumer forum', 'en'],
    ['Estoy harta, es la tercera vez que les escribo', 'es'],
    ['bilkul bekaar service hai yaar', 'hi-Latn'],
    ['login hi nahi ho raha hai, I am so frustrated', 'hi-Latn'],
    ['यह बहुत घटिया सेवा है, तीसरी बार शिकायत कर रहा हूँ', 'hi'],
    ['ரொம்ப மோசமான சேவை, மூன்றாவது முறை சொல்கிறேன்', 'ta'],
    ['romba mosam, evlo naal wait panradhu', 'ta-Latn'],
    ['చాలా దారుణమైన సేవ, మూడోసారి అడుగుతున్నాను', 'te'],
    ['chala chiraku ga undi, enni sarlu cheppali', 'te-Latn'],
  ] as const)('%s is dissatisfied', (text, lang) => {
    expect(scoreDissatisfaction(text, lang).score).toBeGreaterThanOrEqual(T);
  });

  it.each([
    ['no problem at all, take your time', 'en'],
    ['my order has not arrived yet', 'en'],
    ['koi problem nahi, main wait kar lunga', 'hi-Latn'],
    ['no worries, thanks', 'en'],
    ['sin problema, gracias', 'es'],
    ['problem illa, seri', 'ta-Latn'],
    ['समस्या नहीं है, धन्यवाद', 'hi'],
  ] as const)('%s is not dissatisfied', (text, lang) => {
    expect(scoreDissatisfaction(text, lang).score).toBeLessThan(T);
  });

  it('grades intensity: "very disappointed" above "disappointed"', () => {
    const plain = scoreDissatisfaction('I am disappointed').score;
    const strong = scoreDissatisfaction('I am very very disappointed').score;
    expect(strong).toBeGreaterThan(plain);
  });

  it('flips negated praise: "not happy" is dissatisfied, "happy" is not', () => {
    expect(scoreDissatisfaction('I am happy with the update').score).toBe(0);
    expect(scoreDissatisfaction('I am not happy with the update').score).toBeGreaterThanOrEqual(T);
    expect(scoreDissatisfaction('main khush nahi hoon is service se', 'hi-Latn').score).toBeGreaterThan(0.3);
  });

  it('reads angry emoji and shouting', () => {
    const calm = scoreDissatisfaction('where is my refund').score;
    expect(scoreDissatisfaction('where is my refund 😡').score).toBeGreaterThan(calm);
    expect(scoreDissatisfaction('my order STILL has not arrived').score).toBeGreaterThan(scoreDissatisfaction('my order still has not arrived').score);
  });

  it('needs something negative beside ironic praise, but not beside "thanks for nothing"', () => {
    expect(scoreDissatisfaction('great, thanks!').score).toBeLessThan(T);
    expect(scoreDissatisfaction('great, just great, the order was cancelled again').score).toBeGreaterThanOrEqual(T);
    expect(scoreDissatisfaction('thanks for nothing').score).toBeGreaterThanOrEqual(T);
  });

  it('names its evidence', () => {
    const { evidence } = scoreDissatisfaction('bilkul bekaar service 😡', 'hi-Latn');
    const line = describeEvidence(evidence, 3);
    expect(line).toContain('bekaar');
    expect(line).toContain('😡');
  });
});
