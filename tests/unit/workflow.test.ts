import { describe, expect, it } from 'vitest';
import { allowedNext, canTransition, doorFor, STATUSES, type Status } from '../../shared/domain/workflow';

describe('review stages', () => {
  it('moves forward one stage at a time', () => {
    const path: Status[] = ['registered', 'accepted', 'verified', 'published', 'paid'];
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i]!, path[i + 1]!)).toBe(true);
    for (let i = 0; i + 2 < path.length; i++) expect(canTransition(path[i]!, path[i + 2]!)).toBe(false);
  });

  it('treats 已兑付 and 已作废 as final; 退回 only resubmits or voids', () => {
    expect(allowedNext('paid')).toEqual([]);
    expect(allowedNext('voided')).toEqual([]);
    expect(allowedNext('returned')).toEqual(['registered', 'voided']);
  });

  it('can return or void anything still open, and never goes back to a stage it passed', () => {
    for (const s of ['registered', 'accepted', 'verified', 'published'] as Status[]) {
      expect(canTransition(s, 'returned')).toBe(true);
      expect(canTransition(s, 'voided')).toBe(true);
    }
    const order = (s: Status) => STATUSES.indexOf(s);
    for (const from of ['accepted', 'verified', 'published'] as Status[]) {
      // the one way back: an objection during 公示 sends it back to 核验, through its own door
      for (const to of allowedNext(from).filter((t) => t !== 'returned' && t !== 'voided' && doorFor(from, t) !== 'objection')) {
        expect(order(to)).toBeGreaterThan(order(from));
      }
    }
    expect(doorFor('published', 'accepted')).toBe('objection');
  });

  it('sends 公示 and 兑付 through their own doors', () => {
    expect(doorFor('verified', 'published')).toBe('notice');
    expect(doorFor('published', 'paid')).toBe('pay');
    expect(doorFor('accepted', 'verified')).toBe('transition');
    expect(doorFor('published', 'returned')).toBe('transition');
  });
});
