/** Guan County (冠县, 371525) and its 18 townships — NBS division codes, 2022 (DOMAIN.md §2). */
export const COUNTY = { code: '371525', name: '冠县', bureau: '冠县农业农村局' } as const;

export const TOWNSHIPS = [
  { code: '371525001', name: '清泉街道' },
  { code: '371525002', name: '崇文街道' },
  { code: '371525003', name: '烟庄街道' },
  { code: '371525101', name: '贾镇' },
  { code: '371525102', name: '桑阿镇' },
  { code: '371525103', name: '柳林镇' },
  { code: '371525104', name: '清水镇' },
  { code: '371525105', name: '东古城镇' },
  { code: '371525106', name: '北馆陶镇' },
  { code: '371525107', name: '店子镇' },
  { code: '371525108', name: '定远寨镇' },
  { code: '371525109', name: '辛集镇' },
  { code: '371525110', name: '梁堂镇' },
  { code: '371525111', name: '范寨镇' },
  { code: '371525112', name: '甘官屯镇' },
  { code: '371525200', name: '斜店乡' },
  { code: '371525206', name: '兰沃乡' },
  { code: '371525209', name: '万善乡' },
] as const;

export type TownshipCode = (typeof TOWNSHIPS)[number]['code'];
export const TOWNSHIP_CODES = TOWNSHIPS.map((t) => t.code) as [TownshipCode, ...TownshipCode[]];

const byCode = new Map<string, string>(TOWNSHIPS.map((t) => [t.code, t.name]));

export function townshipName(code: string | null | undefined): string {
  return (code && byCode.get(code)) || '';
}

/** The station's display name, e.g. 柳林镇农机站 or 冠县农业农村局. */
export function unitName(role: 'station' | 'county', townshipCode: string | null | undefined): string {
  return role === 'county' ? COUNTY.bureau : `${townshipName(townshipCode)}农机站`;
}
