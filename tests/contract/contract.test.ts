import { ROLE_INSTALLATION } from '../../shared/api/access';
import { setUpInstallation, TEST_PASSWORD } from '../support/setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../db/handlers';
import { contract, METHODS, type Method } from '../../shared/api/contract';
import type { Farmer } from '../../shared/schemas/farmers';
import { orderOf } from '../support/table-order';
import {
  createFarmer,
  expectFail,
  expectOk,
  farmerInput,
  LIULIN,
  stationCore,
  tableCounts,
  tempCore,
  type TempCore,
} from '../support/core';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Inputs that are not objects at all, or objects no method accepts. */
const MALFORMED: [string, unknown][] = [
  ['42', 42],
  ["'x'", 'x'],
  ['[]', []],
  ['[{}]', [{}]],
  ['null', null],
  ['true', true],
  ['{ __proto__pollution: 1 }', { __proto__pollution: 1 }],
  ['JSON {"__proto__":{"polluted":1}}', JSON.parse('{"__proto__":{"polluted":1}}')],
  ['{ constructor: {} }', { constructor: { prototype: { polluted: 1 } } }],
];

/**
 * Hand-written objects with one field of the wrong type (or out of range), on top of an otherwise valid input.
 * Methods added later are still covered by MALFORMED and by shapeProbes().
 */
const WRONG_TYPED = (f: Farmer): Partial<Record<Method, Record<string, unknown>[]>> => ({
  'settings.get': [],
  'settings.setup': [
    { role: 'station', townshipCode: 371525103, login: 'wang', displayName: '王会计', password: TEST_PASSWORD },
    { role: 1, townshipCode: LIULIN, login: 'wang', displayName: '王会计', password: TEST_PASSWORD },
    { role: 'station', townshipCode: LIULIN, login: ['wang'], displayName: '王会计', password: TEST_PASSWORD },
    { role: 'station', townshipCode: LIULIN, login: 'wang', displayName: '王会计', password: 12345678 },
  ],
  'settings.update': [{ soloStation: 'yes' }, { idleLockMinutes: 0 }, { idleLockMinutes: '10' }],
  'auth.signIn': [{ login: 42, password: 'x' }, { login: 'wang', password: null }],
  'users.create': [{ login: 'li', displayName: '李', role: 'admin', password: TEST_PASSWORD }],
  'farmers.create': [
    { ...farmerInput(900), phone: 13800000000 },
    { ...farmerInput(900), kind: 'alien' },
    { ...farmerInput(900), idNumber: { $ne: '' } },
  ],
  'farmers.update': [
    { ...farmerInput(900), id: 42 },
    { ...farmerInput(900), id: f.id, expectedUpdatedAt: 1_700_000_000 },
    { ...farmerInput(900), id: `${f.id}' OR 1=1 --` },
  ],
  'farmers.void': [
    { id: f.id, reason: ['录入错误'] },
    { id: 42, reason: '录入错误' },
  ],
  'farmers.get': [{ id: 42 }, { id: "' OR 1=1 --" }],
  'farmers.search': [{ q: 42 }, { page: '1' }, { includeVoided: 'yes' }, { pageSize: 1_000_000 }, { page: 0 }, { townshipCode: 'x' }],
  'audit.list': [{ pageSize: '20' }, { entityId: 'not-a-uuid' }, { page: -1 }],
});

/** A valid input per method, given a live farmer of the station; methods without one are tried with {}. */
const VALID = (f: Farmer): Partial<Record<Method, unknown>> => ({
  'settings.get': {},
  'settings.setup': { role: 'station', townshipCode: LIULIN, login: 'wang', displayName: '王会计', password: TEST_PASSWORD },
  'settings.update': { idleLockMinutes: 15 },
  'farmers.create': farmerInput(901),
  'farmers.update': { ...farmerInput(1, { name: '张三丰' }), id: f.id, expectedUpdatedAt: f.updatedAt },
  'farmers.void': { id: f.id, reason: '录入错误' },
  'farmers.get': { id: f.id },
  'farmers.search': { q: 'nh' },
  'audit.list': { entity: 'farmer' },
});

/** The fields of a method's input object (empty for {} inputs; undefined when the schema is not a plain object). */
function inputShape(method: Method): Record<string, unknown> | undefined {
  type Schema = { shape?: Record<string, unknown>; in?: Schema };
  let schema = contract[method].input as unknown as Schema | undefined;
  while (schema && !schema.shape && schema.in) schema = schema.in; // through .transform() pipes
  return schema?.shape;
}

/** For every field of the input: the field set to values no field of ours accepts (an object, an array of objects). */
function shapeProbes(method: Method): Record<string, unknown>[] {
  return Object.keys(inputShape(method) ?? {}).flatMap((key) => [{ [key]: { $gt: '' } }, { [key]: [{}] }]);
}

/** Which installation may call a method: a station unless the method is county-only. */
const roleFor = (method: Method): 'station' | 'county' => {
  const allow = contract[method].allow;
  return allow !== 'public' && !allow.some((r) => ROLE_INSTALLATION[r] === 'station') ? 'county' : 'station';
};

/** Every row of every table, for "nothing changed" checks that see more than counts. */
function snapshot(core: TempCore) {
  const tables = Object.keys(tableCounts(core));
  return {
    counts: tableCounts(core),
    rows: Object.fromEntries(tables.map((t) => [t, core.db.prepare(`SELECT * FROM "${t}" ORDER BY ${orderOf(core.db, t)}`).all()])),
    userVersion: core.db.pragma('user_version', { simple: true }),
  };
}

describe('the contract and the handlers', () => {
  it('every method in METHODS has a handler, and no handler is outside the contract', () => {
    const core = tempCore();
    try {
      expect(Object.keys(createHandlers(core.ctx)).sort()).toEqual([...METHODS].sort());
      expect(Object.keys(core.handlers).sort()).toEqual([...METHODS].sort());
    } finally {
      core.dispose();
    }
  });

  it('method names are area.verb (or area.group.verb, e.g. drying.sites.create)', () => {
    // an area may be camelCase where the issue names it so (ledgerImports.preview)
    for (const m of METHODS) expect(m).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)?\.[a-z][A-Za-z]*$/);
  });
});

describe('bad input to every method is rejected without a crash and without a write', () => {
  let station: TempCore;
  let county: TempCore;
  let farmer: Farmer;
  beforeAll(async () => {
    station = await stationCore();
    farmer = await createFarmer(station, farmerInput(1, { name: '张三' }));
    county = tempCore();
    (await setUpInstallation(county, { role: 'county', name: '赵局长' }));
  });
  afterAll(() => {
    station.dispose();
    county.dispose();
  });

  it.each(METHODS)('%s', async (method) => {
    const core = roleFor(method) === 'county' ? county : station;
    const before = snapshot(core);
    const isEmptyInput = Object.keys(inputShape(method) ?? { notAPlainObject: true }).length === 0;
    const samples = [...(WRONG_TYPED(farmer)[method] ?? []), ...shapeProbes(method)];
    const inputs: [string, unknown][] = [...MALFORMED, ...samples.map((i): [string, unknown] => [JSON.stringify(i), i])];
    for (const [label, input] of inputs) {
      const result = await core.call(method, input);
      const error = expectFail(result, 'VALIDATION');
      expect(error.message, `${method} ${label}`).toBeTruthy();
      expect(error.issues?.length, `${method} ${label}: issues`).toBeGreaterThan(0);
      for (const issue of error.issues ?? []) {
        expect(Array.isArray(issue.path)).toBe(true);
        expect(issue.message).toMatch(/[\u4e00-\u9fff]/); // Chinese, shown to the user
      }
    }
    if (isEmptyInput) expect(samples).toEqual([]);
    expect(snapshot(core)).toEqual(before);
    expect(core.logged).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['farmers.drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'farmers', '', 'x'.repeat(500)])(
    'unknown method %j is NOT_FOUND',
    async (method) => {
      const before = snapshot(station);
      const error = expectFail(await station.call(method, {}), 'NOT_FOUND');
      expect(error.message.length).toBeLessThan(100);
      expect(snapshot(station)).toEqual(before);
    },
  );
});

describe('valid input to every method', () => {
  it('read methods answer ok with output that parses against the output schema', async () => {
    const core = await stationCore();
    try {
      const f = await createFarmer(core, farmerInput(1, { name: '张三' }));
      expectOk(await core.call('farmers.void', { id: (await createFarmer(core, farmerInput(2))).id, reason: '录入错误' }));
      const valid = VALID(f);
      // auth.lock ends this test's use of the session: tried last, on its own
      const reads = METHODS.filter((m) => !(contract[m] as { writes?: boolean }).writes && roleFor(m) === 'station' && m !== 'auth.lock');
      expect(reads).toEqual(expect.arrayContaining(['settings.get', 'farmers.get', 'farmers.search', 'audit.list']));
      for (const method of reads) {
        const before = snapshot(core);
        const result = await core.call(method, method in valid ? valid[method] : {});
        if (!(method in valid) && !result.ok && result.error.code === 'VALIDATION') continue; // needs an input we have no sample for
        const data = expectOk(result);
        expect(contract[method].output.safeParse(data).success, method).toBe(true);
        // viewing full personal numbers is logged (access_log): the one trace a read leaves
        const after = snapshot(core);
        const logged = (after.counts.access_log ?? 0) - (before.counts.access_log ?? 0);
        expect(logged, method).toBe(['farmers.get', 'vouchers.get'].includes(method) ? 1 : 0);
        for (const s of [before, after]) {
          delete s.counts.access_log;
          delete s.rows.access_log;
        }
        expect(after, `${method} is a read but changed the database`).toEqual(before);
      }
      expect(core.logged).toEqual([]);
    } finally {
      core.dispose();
    }
  });

  it('write methods answer ok, each adding exactly one audit row', async () => {
    const core = tempCore();
    try {
      expectOk(await core.call('settings.setup', VALID({} as Farmer)['settings.setup']));
      expectOk(await core.call('settings.update', { soloStation: true }));
      const f = await createFarmer(core, farmerInput(1, { name: '张三' }));
      const valid = VALID(f);
      const writes = METHODS.filter((m) => (contract[m] as { writes?: boolean }).writes && m !== 'settings.setup' && m in valid);
      expect(writes).toEqual(expect.arrayContaining(['settings.update', 'farmers.create', 'farmers.update', 'farmers.void']));
      // farmers.void last: the update needs a live record
      writes.sort((a, b) => Number(a === 'farmers.void') - Number(b === 'farmers.void'));
      for (const method of writes) {
        const audits = tableCounts(core).audit_log ?? 0;
        const data = expectOk(await core.call(method, valid[method]));
        expect(contract[method].output.safeParse(data).success, method).toBe(true);
        expect(tableCounts(core).audit_log, method).toBe(audits + 1);
      }
    } finally {
      core.dispose();
    }
  });
});

describe('unknown ids', () => {
  it('farmers.get/update/void of an unknown id are NOT_FOUND', async () => {
    const core = await stationCore();
    try {
      expectFail(await core.call('farmers.get', { id: UNKNOWN_ID }), 'NOT_FOUND');
      expectFail(await core.call('farmers.update', { ...farmerInput(1), id: UNKNOWN_ID }), 'NOT_FOUND');
      expectFail(await core.call('farmers.void', { id: UNKNOWN_ID, reason: '录入错误' }), 'NOT_FOUND');
    } finally {
      core.dispose();
    }
  });
});
