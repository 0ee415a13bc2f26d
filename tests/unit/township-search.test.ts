import { describe, expect, it } from 'vitest';
import { nameSearchKeys } from '../../shared/domain/pinyin';
import { TOWNSHIP_SEARCH_KEYS } from '../../shared/domain/township-search';
import { TOWNSHIPS } from '../../shared/domain/townships';

describe('TOWNSHIP_SEARCH_KEYS (written out to keep the pinyin dictionary off the first screen)', () => {
  it.each(TOWNSHIPS.map((t) => [t.name, t.code] as const))('%s has the keys nameSearchKeys gives', (name, code) => {
    expect(TOWNSHIP_SEARCH_KEYS[code]).toEqual(nameSearchKeys(name));
  });
  it('lists exactly the 18 townships', () => {
    expect(Object.keys(TOWNSHIP_SEARCH_KEYS).sort()).toEqual(TOWNSHIPS.map((t) => t.code).sort());
  });
});
