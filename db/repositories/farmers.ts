import type { Database } from 'better-sqlite3';

export interface FarmerRow {
  id: string;
  station_id: string;
  kind: 'individual' | 'family_farm' | 'cooperative' | 'enterprise';
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number: string;
  id_number_rev: string;
  birth_date: string | null;
  contact_name: string | null;
  phone: string;
  bank_card: string | null;
  bank_name: string | null;
  township_code: string;
  village: string;
  address: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

const COLUMNS = `id, station_id, kind, name, name_pinyin, name_initials, id_number, id_number_rev, birth_date,
  contact_name, phone, bank_card, bank_name, township_code, village, address, created_at, updated_at, voided_at, void_reason`;

export function getFarmer(db: Database, id: string): FarmerRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM farmers WHERE id = ?`).get(id) as FarmerRow | undefined;
}

/** The live (not voided) registration of an ID document at a station, other than `exceptId`. */
export function findLiveByIdNumber(db: Database, stationId: string, idNumber: string, exceptId?: string): FarmerRow | undefined {
  return db
    .prepare(`SELECT ${COLUMNS} FROM farmers WHERE station_id = ? AND id_number = ? AND voided_at IS NULL AND id IS NOT ?`)
    .get(stationId, idNumber, exceptId ?? null) as FarmerRow | undefined;
}

export function insertFarmer(db: Database, row: FarmerRow): void {
  db.prepare(
    `INSERT INTO farmers (${COLUMNS}) VALUES (@id, @station_id, @kind, @name, @name_pinyin, @name_initials, @id_number,
      @id_number_rev, @birth_date, @contact_name, @phone, @bank_card, @bank_name, @township_code, @village, @address,
      @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function updateFarmer(db: Database, row: FarmerRow): void {
  db.prepare(
    `UPDATE farmers SET kind = @kind, name = @name, name_pinyin = @name_pinyin, name_initials = @name_initials,
      id_number = @id_number, id_number_rev = @id_number_rev, birth_date = @birth_date, contact_name = @contact_name,
      phone = @phone, bank_card = @bank_card, bank_name = @bank_name, township_code = @township_code,
      village = @village, address = @address, updated_at = @updated_at
     WHERE id = @id`,
  ).run(row);
}

export function voidFarmer(db: Database, id: string, reason: string, at: string): void {
  db.prepare('UPDATE farmers SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(at, reason, at, id);
}

/** How a search box query is matched; built by the service from what the user typed. */
export interface FarmerQuery {
  /** Exact ID number, or the reversed tail of one (GLOB prefix on id_number_rev). */
  idNumber?: string;
  idTailReversed?: string;
  phoneTail?: string;
  /** Pinyin initials or full-pinyin prefix, lowercase letters only. */
  pinyinPrefix?: string;
  /** Substring of the name (LIKE, escaped). */
  nameLike?: string;
  townshipCode?: string;
  includeVoided: boolean;
  limit: number;
  offset: number;
}

function whereClause(q: FarmerQuery): string {
  const any: string[] = [];
  if (q.idNumber) any.push('id_number = @idNumber');
  // patterns bound whole (not built with ||) so SQLite can turn a GLOB prefix into an index range
  if (q.idTailReversed) any.push('id_number_rev GLOB @idTailGlob');
  // four digits or more: the same rows, found through the index on the last four (migration 011)
  if (q.phoneTail && q.phoneTail.length >= 4) any.push("(substr(phone, -4) = substr(@phoneTail, -4) AND phone GLOB '*' || @phoneTail)");
  else if (q.phoneTail) any.push("phone GLOB '*' || @phoneTail");
  if (q.pinyinPrefix) any.push('name_initials GLOB @pinyinGlob', 'name_pinyin GLOB @pinyinGlob');
  if (q.nameLike) any.push("name LIKE '%' || @nameLike || '%' ESCAPE '\\'");
  const all: string[] = [];
  if (any.length) all.push(`(${any.join(' OR ')})`);
  if (!q.includeVoided) all.push('voided_at IS NULL');
  if (q.townshipCode) all.push('township_code = @townshipCode');
  return all.length ? `WHERE ${all.join(' AND ')}` : '';
}

function params(q: FarmerQuery) {
  return {
    idNumber: q.idNumber ?? null,
    idTailReversed: q.idTailReversed ?? null,
    idTailGlob: q.idTailReversed ? `${q.idTailReversed.replace(/[*?[\]]/g, '')}*` : null,
    pinyinGlob: q.pinyinPrefix ? `${q.pinyinPrefix.replace(/[*?[\]]/g, '')}*` : null,
    phoneTail: q.phoneTail ?? null,
    pinyinPrefix: q.pinyinPrefix ?? null,
    nameLike: q.nameLike ?? null,
    townshipCode: q.townshipCode ?? null,
    limit: q.limit,
    offset: q.offset,
  };
}

/**
 * A name query's pieces as farmer_name_grams stores them (migration 017; SQLite's lower() folds ASCII only,
 * as LIKE does): the first one or two characters, which lead the walk, and the query's later two-character
 * pieces (up to four), each of which a matching name must hold too.
 */
function nameGrams(nameLike: string): { gram: string; more: string[]; whole: boolean } {
  const chars = Array.from(nameLike.replace(/\\([\\%_])/g, '$1').replace(/[A-Z]/g, (c) => c.toLowerCase()));
  const pairs = chars.slice(1, -1).map((c, i) => `${c}${chars[i + 2] as string}`);
  const more = [...new Set(pairs)].filter((p) => p !== chars.slice(0, 2).join('')).slice(0, 4);
  return { gram: chars.slice(0, 2).join(''), more, whole: chars.length <= 2 };
}

/**
 * A name-only search through farmer_name_grams: its range for the query's first characters is already in
 * the search's order (updated_at DESC, id), so a page is a short walk; a longer query's other two-character
 * pieces are probed in the same index, and the whole pattern is still checked on each row, so the rows are
 * exactly LIKE's. A query of one or two characters is the range itself, so
 * its total is an index count; a longer one counts the range's rows that match.
 */
function nameStatements(q: FarmerQuery & { nameLike: string }) {
  const { gram, more, whole } = nameGrams(q.nameLike);
  const filters = ['g.gram = @gram'];
  // a longer query's other pieces, probed in the same index before any farmer row is read
  more.forEach((_, i) =>
    filters.push(`EXISTS (SELECT 1 FROM farmer_name_grams g${i} WHERE g${i}.gram = @gram${i} AND g${i}.updated_at = g.updated_at AND g${i}.id = g.id)`),
  );
  if (!q.includeVoided) filters.push('g.live = 1');
  if (q.townshipCode) filters.push('g.township_code = @townshipCode');
  const like = "f.name LIKE '%' || @nameLike || '%' ESCAPE '\\'";
  const cols = COLUMNS.split(',')
    .map((c) => `f.${c.trim()}`)
    .join(', ');
  return {
    list: `SELECT ${cols} FROM farmer_name_grams g JOIN farmers f ON f.id = g.id
      WHERE ${[...filters, like].join(' AND ')} ORDER BY g.updated_at DESC, g.id LIMIT @limit OFFSET @offset`,
    count: whole
      ? `SELECT count(*) AS n FROM farmer_name_grams g WHERE ${filters.join(' AND ')}`
      : `SELECT count(*) AS n FROM farmer_name_grams g JOIN farmers f ON f.id = g.id WHERE ${[...filters, like].join(' AND ')}`,
    params: { ...params(q), gram, ...Object.fromEntries(more.map((m, i) => [`gram${i}`, m])) },
  };
}

const onlyName = (q: FarmerQuery): q is FarmerQuery & { nameLike: string } =>
  !!q.nameLike && !q.idNumber && !q.idTailReversed && !q.phoneTail && !q.pinyinPrefix;

/** The page and count statements of a search (query-plan tests read them too). */
export function farmerSearchStatements(q: FarmerQuery): { list: string; count: string; params: Record<string, unknown> } {
  if (onlyName(q)) return nameStatements(q);
  const where = whereClause(q);
  const rank = q.pinyinPrefix ? '(name_initials = @pinyinPrefix OR name_pinyin = @pinyinPrefix) DESC,' : '';
  return {
    list: `SELECT ${COLUMNS} FROM farmers ${where} ORDER BY ${rank} updated_at DESC, id LIMIT @limit OFFSET @offset`,
    count: `SELECT count(*) AS n FROM farmers ${where}`,
    params: params(q),
  };
}

/** One page of matches, exact initials and names first, then the most recently changed. */
export function searchFarmers(db: Database, q: FarmerQuery): { rows: FarmerRow[]; total: number } {
  const st = farmerSearchStatements(q);
  const rows = db.prepare(st.list).all(st.params) as FarmerRow[];
  const { n } = db.prepare(st.count).get(st.params) as { n: number };
  return { rows, total: n };
}
