import { nameSearchKeys } from '../../shared/domain/pinyin';

/**
 * Plausible buyers for generated files: common surnames (weighted roughly as in Shandong), one- or
 * two-character given names, pinyin keys as the services derive them, distinct mobile numbers and
 * record times spread over working hours, so searches and sorts meet the spread of a real ledger.
 */
const SURNAMES: [string, number][] = [
  ['王', 9], ['李', 8], ['张', 8], ['刘', 6], ['陈', 4], ['杨', 4], ['赵', 3], ['孙', 3], ['马', 2], ['朱', 2],
  ['徐', 2], ['高', 2], ['郭', 2], ['田', 1], ['吕', 1], ['曾', 1], ['单', 1], ['崔', 1], ['宋', 1], ['董', 1],
  ['韩', 1], ['冯', 1], ['曹', 1], ['魏', 1], ['贾', 1], ['许', 1], ['丁', 1], ['范', 1], ['欧阳', 0.2], ['司马', 0.1],
];
const GIVEN = [...'国建明华军志强伟平秀英玉兰桂芳海涛丽娟红霞金凤春生庆祥德福长林永立新文学成振东胜利宝山云飞晓燕俊杰子涵家乐'];

const SURNAME_TOTAL = SURNAMES.reduce((s, [, w]) => s + w, 0);

function surname(rnd: () => number): string {
  let x = rnd() * SURNAME_TOTAL;
  for (const [s, w] of SURNAMES) if ((x -= w) < 0) return s;
  return '王';
}

export interface GeneratedName {
  name: string;
  namePinyin: string;
  nameInitials: string;
}

export function nameMaker(rnd: () => number): () => GeneratedName {
  const keys = new Map<string, GeneratedName>();
  return () => {
    const given = Array.from({ length: rnd() < 0.7 ? 2 : 1 }, () => GIVEN[Math.floor(rnd() * GIVEN.length)]).join('');
    const name = surname(rnd) + given;
    let k = keys.get(name);
    if (!k) {
      const { full, initials } = nameSearchKeys(name);
      k = { name, namePinyin: full, nameInitials: initials };
      keys.set(name, k);
    }
    return k;
  };
}

const MOBILE_PREFIXES = ['134', '135', '137', '138', '139', '150', '151', '152', '157', '158', '159', '182', '183', '187', '188', '130', '131', '132', '155', '156', '185', '186', '133', '153', '180', '189'];

/** The i-th buyer's mobile number: distinct for distinct i (a bijective scramble of the low eight digits). */
export function phoneFor(i: number, rnd: () => number): string {
  const prefix = MOBILE_PREFIXES[Math.floor(rnd() * MOBILE_PREFIXES.length)] as string;
  const scrambled = (i * 48_271 + 12_345) % 100_000_000; // 48271 is coprime to 10^8
  return `${prefix}${String(scrambled).padStart(8, '0')}`;
}

/** An instant on `date` (China civil date) during counter hours 08:00–17:59 China time, as an ISO UTC string. */
export function timeOn(date: string, rnd: () => number): string {
  const secondsIntoDay = 8 * 3600 + Math.floor(rnd() * 10 * 3600);
  const ms = Date.parse(`${date}T00:00:00+08:00`) + secondsIntoDay * 1000 + Math.floor(rnd() * 1000);
  return new Date(ms).toISOString();
}

/** `days` whole days after the ISO instant `at`, no later than `last` (an ISO instant). */
export function later(at: string, days: number, last: string): string {
  const t = new Date(Date.parse(at) + days * 86_400_000).toISOString();
  return t > last ? last : t;
}
