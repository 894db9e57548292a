import { describe, expect, it } from 'vitest';
import { diffWords, type DiffPart } from '../../shared/text-diff.ts';

const oldText = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.type !== 'added')
    .map((p) => p.text)
    .join('');
const newText = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.type !== 'removed')
    .map((p) => p.text)
    .join('');

describe('diffWords', () => {
  it('marks the words added and removed between two versions', () => {
    expect(diffWords('Participants stressed language classes.', 'Participants stressed early language classes and housing.')).toEqual([
      { type: 'same', text: 'Participants stressed ' },
      { type: 'added', text: 'early ' },
      { type: 'same', text: 'language classes' },
      { type: 'added', text: ' and housing' },
      { type: 'same', text: '.' },
    ]);
  });

  it('shows a replaced word as removed then added', () => {
    expect(diffWords('Integration is a one-way process.', 'Integration is a two-way process.')).toEqual([
      { type: 'same', text: 'Integration is a ' },
      { type: 'removed', text: 'one' },
      { type: 'added', text: 'two' },
      { type: 'same', text: '-way process.' },
    ]);
  });

  it('gives back both texts exactly, line breaks and accents included', () => {
    const before = '## Résumé\n\nLes migrants apprennent la langue.\n\nL’école aide les enfants.';
    const after = '## Résumé\n\nLes migrants apprennent vite la langue locale.\n\nL’école et la famille aident les enfants.\n';
    const parts = diffWords(before, after);
    expect(oldText(parts)).toBe(before);
    expect(newText(parts)).toBe(after);
    expect(parts.every((part, i) => i === 0 || part.type !== parts[i - 1]!.type)).toBe(true);
  });

  it('handles empty versions and identical ones', () => {
    expect(diffWords('', 'New text')).toEqual([{ type: 'added', text: 'New text' }]);
    expect(diffWords('Old text', '')).toEqual([{ type: 'removed', text: 'Old text' }]);
    expect(diffWords('Same', 'Same')).toEqual([{ type: 'same', text: 'Same' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('compares long texts line by line first, still exactly', () => {
    const lines = Array.from({ length: 1_500 }, (_, i) => `Line ${i} says something about integration number ${i * 7}.`);
    const changed = lines.map((line, i) => (i % 100 === 0 ? line.replace('something', 'something else') : line));
    changed.splice(700, 1);
    const before = lines.join('\n');
    const after = changed.join('\n');
    const parts = diffWords(before, after);
    expect(oldText(parts)).toBe(before);
    expect(newText(parts)).toBe(after);
    expect(parts.filter((part) => part.type === 'added').map((part) => part.text)).toContain(' else');
  });
});
