import { describe, expect, it } from 'vitest';
import { normalizeWatchedWord, watchedWordsMatcher } from '../../server/moderation/watched-words.ts';

describe('watched words', () => {
  const match = watchedWordsMatcher(['invaders', 'xenophob*', 'étrangers', 'sucio*'])!;

  it('matches whole words only', () => {
    expect(match('They call them invaders.')).toBe('invaders');
    expect(match('Invaders!')).toBe('invaders');
    expect(match('the reinvaders game')).toBeNull();
    expect(match('invadersville')).toBeNull();
  });

  it('lets * stand for any letters, and only for letters', () => {
    expect(match('That is xenophobic.')).toBe('xenophob*');
    expect(match('xenophobia')).toBe('xenophob*');
    expect(match('xenophob')).toBe('xenophob*');
    expect(match('antixenophobia')).toBeNull();
  });

  it('ignores case and accents, in French and Spanish alike', () => {
    expect(match('Les ÉTRANGERS sont…')).toBe('étrangers');
    expect(match('les etrangers')).toBe('étrangers');
    expect(match('Son unos SUCÍOS')).toBe('sucio*');
  });

  it('treats regular-expression characters in words as plain text', () => {
    const dotted = watchedWordsMatcher(['a.b', '(x)'])!;
    expect(dotted('a.b')).toBe('a.b');
    expect(dotted('axb')).toBeNull();
    expect(dotted('say (x) here')).toBe('(x)');
    expect(dotted('x')).toBeNull();
  });

  it('has no matcher for an empty list or a list of bare stars', () => {
    expect(watchedWordsMatcher([])).toBeNull();
    expect(watchedWordsMatcher(['*', ' ** '])).toBeNull();
  });

  it('tidies words as organizers enter them', () => {
    expect(normalizeWatchedWord('  Xeno**  ')).toBe('xeno*');
  });
});
