/** Pinyin search keys for names (people and organisations). */
import { pinyin } from 'pinyin-pro';

export interface NameSearchKeys {
  /** full pinyin without tones or spaces, e.g. "zhangsan" */
  full: string;
  /** first letter of each syllable, e.g. "zs" */
  initials: string;
}

export interface NormalizedQuery {
  /** trimmed, NFKC-normalised (full-width digits/letters become half-width) */
  text: string;
  /** text lowercased */
  lower: string;
  /** non-empty and only ASCII digits */
  isDigits: boolean;
  /** non-empty and only a-z letters (case-insensitive) */
  isLatin: boolean;
}

const KEEP_NON_ZH = /^[a-z0-9]$/;

/**
 * Search keys for a name. Surnames at the head are read with their surname
 * reading (曾 zeng, 单 shan). ü is written as v (吕 -> lv). ASCII letters and
 * digits are kept lowercased in both keys; other symbols and spaces are dropped.
 */
export function nameSearchKeys(name: string): NameSearchKeys {
  const text = (name ?? '').normalize('NFKC').trim();
  if (text.length === 0) return { full: '', initials: '' };
  const items = pinyin(text, { type: 'all', toneType: 'none', surname: 'head', v: true });
  let full = '';
  let initials = '';
  for (const item of items) {
    if (item.isZh && item.pinyin) {
      const py = item.pinyin.toLowerCase().replace(/\s+/g, '');
      full += py;
      initials += py.charAt(0);
    } else {
      for (const ch of item.origin.toLowerCase()) {
        if (KEEP_NON_ZH.test(ch)) {
          full += ch;
          initials += ch;
        }
      }
    }
  }
  return { full, initials };
}

/** Normalise a user search query and classify it. */
export function normalizeSearchQuery(q: string): NormalizedQuery {
  const text = (q ?? '').normalize('NFKC').trim();
  const lower = text.toLowerCase();
  return {
    text,
    lower,
    isDigits: /^[0-9]+$/.test(text),
    isLatin: /^[a-z]+$/.test(lower),
  };
}
