import { describe, it, expect } from 'vitest';
import { nameSearchKeys, normalizeSearchQuery } from '../../shared/domain/pinyin';

describe('nameSearchKeys', () => {
  it('builds full pinyin and initials', () => {
    expect(nameSearchKeys('张三')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(nameSearchKeys('李四')).toEqual({ full: 'lisi', initials: 'ls' });
    expect(nameSearchKeys('王小明')).toEqual({ full: 'wangxiaoming', initials: 'wxm' });
  });
  it('reads surnames with their surname reading', () => {
    expect(nameSearchKeys('曾小明')).toEqual({ full: 'zengxiaoming', initials: 'zxm' });
    expect(nameSearchKeys('单田芳').full.startsWith('shan')).toBe(true);
    expect(nameSearchKeys('单田芳').initials).toBe('stf');
  });
  it('handles organisation names', () => {
    expect(nameSearchKeys('农民专业合作社')).toEqual({ full: 'nongminzhuanyehezuoshe', initials: 'nmzyhzs' });
  });
  it('keeps letters and digits lowercased, drops spaces and symbols', () => {
    expect(nameSearchKeys('ABC合作社 2号')).toEqual({ full: 'abchezuoshe2hao', initials: 'abchzs2h' });
    expect(nameSearchKeys('（冠县）')).toEqual({ full: 'guanxian', initials: 'gx' });
  });
  it('writes ü as v and handles empty input', () => {
    expect(nameSearchKeys('吕')).toEqual({ full: 'lv', initials: 'l' });
    expect(nameSearchKeys('')).toEqual({ full: '', initials: '' });
  });
});

describe('normalizeSearchQuery', () => {
  it('classifies queries', () => {
    expect(normalizeSearchQuery('  ZS ')).toEqual({ text: 'ZS', lower: 'zs', isDigits: false, isLatin: true });
    expect(normalizeSearchQuery('1381')).toEqual({ text: '1381', lower: '1381', isDigits: true, isLatin: false });
    expect(normalizeSearchQuery('张三')).toMatchObject({ isDigits: false, isLatin: false });
    expect(normalizeSearchQuery('zs1')).toMatchObject({ isDigits: false, isLatin: false });
    expect(normalizeSearchQuery('   ')).toEqual({ text: '', lower: '', isDigits: false, isLatin: false });
  });
  it('converts full-width digits', () => {
    expect(normalizeSearchQuery('１３８').text).toBe('138');
  });
});
