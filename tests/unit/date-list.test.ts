import { describe, expect, it } from 'vitest';
import { parseDateList } from '../../shared/domain/date-list';

describe('dates typed from a holiday notice', () => {
  it('reads single dates and ranges, one per line or separated by 、', () => {
    expect(parseDateList('2027-01-01\n2027-02-06~2027-02-08、2027-05-01 至 2027-05-02\n')).toEqual({
      ok: true,
      dates: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-05-01', '2027-05-02'],
    });
  });

  it('refuses what is not a date or a forward range', () => {
    expect(parseDateList('2027-02-30')).toMatchObject({ ok: false });
    expect(parseDateList('2027-02-08~2027-02-01')).toMatchObject({ ok: false, reason: expect.stringContaining('早于') });
    expect(parseDateList('明年春节')).toMatchObject({ ok: false });
  });
});
