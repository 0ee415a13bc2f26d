import { describe, it, expect } from 'vitest';
import { maskBankCard, maskIdNumber, maskName, maskPhone } from '../../shared/domain/mask';

describe('maskIdNumber', () => {
  it('keeps first 6 and last 4 of 18-char ids and USCCs', () => {
    expect(maskIdNumber('371525198001010012')).toBe('371525********0012');
    expect(maskIdNumber('93371525MA3C12346E')).toBe('933715********346E');
  });
  it('keeps only the last 4 of shorter strings', () => {
    expect(maskIdNumber('12345678')).toBe('****5678');
    expect(maskIdNumber('123')).toBe('***');
  });
  it('returns empty for null/empty', () => {
    expect(maskIdNumber(null)).toBe('');
    expect(maskIdNumber(undefined)).toBe('');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('masks the middle 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('returns empty for null/empty', () => {
    expect(maskPhone(null)).toBe('');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskBankCard', () => {
  it('shows only the last 4 digits', () => {
    expect(maskBankCard('6222021234567890123')).toBe('**** 0123');
    expect(maskBankCard('6222 0212 3456 7890 123')).toBe('**** 0123');
  });
  it('returns empty for null/empty', () => {
    expect(maskBankCard(null)).toBe('');
    expect(maskBankCard('')).toBe('');
  });
});

describe('maskName', () => {
  it('masks names', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张')).toBe('张');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('冠县农机专业合作社')).toBe('冠*******社');
  });
  it('counts code points, not UTF-16 units', () => {
    expect(maskName('张𠀀明')).toBe('张*明');
  });
  it('returns empty for null/empty', () => {
    expect(maskName(null)).toBe('');
    expect(maskName('')).toBe('');
  });
});
