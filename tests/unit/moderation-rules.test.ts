import { describe, expect, it } from 'vitest';
import { allowedActions, keepsReported, MODERATION_NOTIFICATION_KINDS, needsReason } from '../../shared/moderation.constants.ts';

describe('moderation rules', () => {
  it('offers the decisions that fit a comment’s status, in one order', () => {
    expect(allowedActions('pending')).toEqual(['approve', 'decline', 'hide']);
    expect(allowedActions('published')).toEqual(['hide']);
    expect(allowedActions('hidden')).toEqual(['restore']);
    expect(allowedActions('withdrawn')).toEqual([]);
    expect(allowedActions('declined')).toEqual([]);
  });

  it('lets a reported comment be kept as well as hidden', () => {
    expect(allowedActions('published', true)).toEqual(['approve', 'hide']);
    expect(keepsReported('approve', 'published')).toBe(true);
    expect(keepsReported('approve', 'pending')).toBe(false);
    expect(keepsReported('hide', 'published')).toBe(false);
  });

  it('asks a reason for hiding and declining only', () => {
    expect(['approve', 'decline', 'hide', 'restore', 'edit'].filter(needsReason)).toEqual(['decline', 'hide']);
  });

  it('tells the author of approvals, refusals and hidings', () => {
    expect(MODERATION_NOTIFICATION_KINDS).toEqual(['comment.approve', 'comment.decline', 'comment.hide']);
  });
});
