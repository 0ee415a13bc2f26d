// The county's check of every text in a received row (issue 16 made it one regex test for clean text):
// it refuses exactly what the forms' rule refuses, character by character, and still names the reason.
import { describe, expect, it } from 'vitest';
import { unsafeTextReason } from '../../shared/domain/text-safety';
import { rowIssue, unsafeReceivedText } from '../../db/transfer/row-issue';

describe('received text and dates', () => {
  it('refuses exactly the characters unsafeTextReason refuses, for every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const text = `农机${String.fromCharCode(c)}A-1`;
      if (unsafeReceivedText(text) !== (unsafeTextReason(text, '', true) ?? null)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
    // and outside the BMP (a surrogate pair) as the rule does
    expect(unsafeReceivedText('𠀀农机')).toBe(unsafeTextReason('𠀀农机', '', true) ?? null);
  });

  it('names the column and the reason for unsafe text, allows line breaks, and checks dates', () => {
    const row = { id: 'x', name: '张三', note: '第一行\n第二行\t完', created_at: '2025-03-01T08:00:00.000Z', birth_date: '1960-02-29' };
    expect(rowIssue(row, '2026-11-21')).toBeNull();
    expect(rowIssue({ ...row, name: '张\u202e三' }, '2026-11-21')).toMatch(/^name：.*改变文字方向.*U\+202E/);
    expect(rowIssue({ ...row, name: '张\u200b三' }, '2026-11-21')).toMatch(/^name：.*零宽字符.*U\+200B/);
    expect(rowIssue({ ...row, note: '张\u0000三' }, '2026-11-21')).toMatch(/^note：.*控制字符.*U\+0000/);
    expect(rowIssue({ ...row, note: '张\u0085三' }, '2026-11-21')).toMatch(/^note：.*控制字符.*U\+0085/);
    // JSON snapshots refuse raw controls only
    expect(rowIssue({ ...row, before_json: '{"name":"张\u202e三"}' }, '2026-11-21')).toBeNull();
    expect(rowIssue({ ...row, before_json: '{"name":"张\u0001三"}' }, '2026-11-21')).toBe('before_json：含有控制字符');
    expect(rowIssue({ ...row, birth_date: '1961-02-29' }, '2026-11-21')).toBe('birth_date：日期不存在（1961-02-29）');
    expect(rowIssue({ ...row, created_at: '2026-11-22T00:00:00.000Z' }, '2026-11-21')).toBe('created_at：日期超出合理范围（2026-11-22）');
    expect(rowIssue({ ...row, created_at: '1999-12-31T00:00:00.000Z' }, '2026-11-21')).toBe('created_at：日期超出合理范围（1999-12-31）');
  });
});
