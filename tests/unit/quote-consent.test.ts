import { describe, expect, it } from 'vitest';
import { consentAllows, effectiveAttribution, publicAttribution } from '../../shared/quote-consent.ts';

describe('quote consent', () => {
  it('lets a moderator choose only what the author allowed', () => {
    expect(consentAllows('name', 'name')).toBe(true);
    expect(consentAllows('name', 'country')).toBe(true);
    expect(consentAllows('country', 'country')).toBe(true);
    expect(consentAllows('country', 'name')).toBe(false);
    expect(consentAllows('anonymous', 'none')).toBe(true);
    expect(consentAllows('anonymous', 'country')).toBe(false);
    expect(consentAllows('none', 'none')).toBe(false);
  });

  it('narrows an existing quote when the author narrows consent, and drops it on refusal', () => {
    expect(effectiveAttribution('name', 'name')).toBe('name');
    expect(effectiveAttribution('country', 'name')).toBe('country');
    expect(effectiveAttribution('anonymous', 'name')).toBe('none');
    expect(effectiveAttribution('anonymous', 'country')).toBe('none');
    expect(effectiveAttribution('country', 'none')).toBe('none');
    expect(effectiveAttribution('none', 'none')).toBeNull();
  });

  it('never names in public an author who shows only their country next to their comments', () => {
    expect(publicAttribution('name', 'country', 'name')).toBe('country');
    expect(publicAttribution('name', 'name', 'name')).toBe('name');
    expect(publicAttribution('anonymous', 'country', 'name')).toBe('none');
    expect(publicAttribution('none', 'country', 'name')).toBeNull();
  });
});
