import { randomUUID } from 'node:crypto';
import { setUpInstallation } from '../support/setup';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site, SiteListItem } from '../../shared/schemas/drying';
import type { Farmer } from '../../shared/schemas/farmers';
import {
  createFarmer,
  expectFail,
  expectOk,
  farmerInput,
  stationCore,
  steppingClock,
  tableCounts,
  tempCore,
  type TempCore,
} from '../support/core';
import { COOP, DOC_NO, siteInput } from '../support/drying';

/** 2025-03-15 in every time zone the tests may run in. */
const clock = () => steppingClock(Date.UTC(2025, 2, 15, 4, 0, 0));

let core: TempCore;
let coop: Farmer;

beforeEach(async () => {
  core = await stationCore({ now: clock() });
  coop = await createFarmer(core, COOP);
});
afterEach(() => core.dispose());

const create = async (overrides: Record<string, unknown> = {}) =>
  expectOk<Site>(await core.call('drying.sites.create', siteInput({ operatorId: coop.id, ...overrides })));
const move = (id: string, to: string, date: string) => core.call('drying.sites.transition', { id, to, date } as never);

describe('drying sites (烘干中心/烘干点)', () => {
  it('starts at 规划 with its date, operator and one history row', async () => {
    const s = await create();
    expect(s).toMatchObject({
      stage: 'planned',
      kind: 'centre',
      townshipName: '柳林镇',
      stageDates: { planned: '2024-12-01', building: null, built: null, operating: null, closed: null },
      operator: { id: coop.id, name: COOP.name, uscc: COOP.idNumber },
      investmentFen: 380_000_000,
      overdue: false,
      operatingT: 0,
      plannedT: 0,
    });
    expect(s.events).toMatchObject([{ fromStage: null, toStage: 'planned', date: '2024-12-01', operator: '王会计' }]);
    const audit = core.db.prepare("SELECT method FROM audit_log WHERE entity = 'drying_site'").pluck().all();
    expect(audit).toEqual(['drying.sites.create']);
  });

  it('takes as operator only an organisation registered with a valid USCC', async () => {
    const person = await createFarmer(core, farmerInput(7, { name: '赵六' }));
    const e = expectFail(await core.call('drying.sites.create', siteInput({ operatorId: person.id })), 'VALIDATION');
    expect(e.issues).toEqual([{ path: ['operatorId'], message: expect.stringContaining('“赵六”登记为个人') }]);
    // a family farm registered with its head's resident ID has no USCC
    const farm = await createFarmer(core, farmerInput(8, { kind: 'family_farm', name: '李家庭农场' }));
    expect(expectFail(await core.call('drying.sites.create', siteInput({ operatorId: farm.id })), 'VALIDATION').message).toContain(
      '不是有效的统一社会信用代码',
    );
    expectOk(await core.call('farmers.void', { id: coop.id, reason: '重复登记' }));
    expect(expectFail(await core.call('drying.sites.create', siteInput({ operatorId: coop.id })), 'VALIDATION').message).toContain(
      '已作废',
    );
    // no operator yet is fine for a plan
    expect((await create({ operatorId: null })).operator).toBeNull();
  });

  it('checks the form rules the screen shows: document number, date order, subsidy within investment', async () => {
    const e = expectFail(
      await core.call('drying.sites.create', siteInput({ conformityDocNo: '', plannedCompletion: '2024-11-30', subsidyFen: 400_000_000 })),
      'VALIDATION',
    );
    expect(e.issues?.map((i) => i.path[0]).sort()).toEqual(['conformityDocNo', 'plannedCompletion', 'subsidyFen']);
    const future = expectFail(
      await core.call('drying.sites.create', siteInput({ plannedOn: '2025-03-16', plannedCompletion: null })),
      'VALIDATION',
    );
    expect(future.issues).toEqual([{ path: ['plannedOn'], message: '规划日期不能晚于今天（2025-03-15）' }]);
  });
});

describe('stage rules', () => {
  it('no 在建 without land-use conformity: refused in Chinese and nothing written', async () => {
    const s = await create({ conformity: 'pending', conformityDocNo: undefined });
    const before = tableCounts(core);
    const e = expectFail(await move(s.id, 'building', '2025-01-10'), 'VALIDATION');
    expect(e.message).toBe('该设施是否符合国土空间规划尚未认定：须认定为“符合”并填写规划文件文号后，才能转为“在建”');
    expect(e.issues?.[0]?.path).toEqual(['conformity']);
    expect(tableCounts(core)).toEqual(before);
    // recorded, it may start
    const fixed = expectOk<Site>(
      await core.call('drying.sites.update', { ...siteInput({ operatorId: coop.id }), id: s.id, expectedUpdatedAt: s.updatedAt }),
    );
    expect(fixed.conformity).toBe('yes');
    expect(expectOk<Site>(await move(s.id, 'building', '2025-01-10')).stage).toBe('building');
  });

  it('runs 规划 → 在建 → 建成 → 投产 in order with dates, and keeps the history', async () => {
    const s = await create();
    expect(expectFail(await move(s.id, 'built', '2025-01-10'), 'FORBIDDEN').message).toContain('须依次经过 规划 → 在建 → 建成 → 投产');
    expect(expectFail(await move(s.id, 'closed', '2025-01-10'), 'FORBIDDEN').message).toContain('请作废该规划');
    expectOk(await move(s.id, 'building', '2025-01-10'));
    expect(expectFail(await move(s.id, 'built', '2025-01-09'), 'VALIDATION').message).toBe('建成日期不能早于在建日期（2025-01-10）');
    expect(expectFail(await move(s.id, 'built', '2025-03-16'), 'VALIDATION').message).toBe('建成日期不能晚于今天（2025-03-15）');
    expectOk(await move(s.id, 'built', '2025-02-20'));
    const done = expectOk<Site>(await move(s.id, 'operating', '2025-03-15'));
    expect(done.stageDates).toEqual({
      planned: '2024-12-01',
      building: '2025-01-10',
      built: '2025-02-20',
      operating: '2025-03-15',
      closed: null,
    });
    expect(done.events.map((e) => [e.fromStage, e.toStage, e.date])).toEqual([
      [null, 'planned', '2024-12-01'],
      ['planned', 'building', '2025-01-10'],
      ['building', 'built', '2025-02-20'],
      ['built', 'operating', '2025-03-15'],
    ]);
    const closed = expectOk<Site>(await move(s.id, 'closed', '2025-03-15'));
    expect(closed.stage).toBe('closed');
    expect(expectFail(await move(s.id, 'operating', '2025-03-15'), 'FORBIDDEN').message).toBe('已停用的烘干设施不能再变更阶段');
  });

  it('a started site keeps its conformity and its 规划 date stays before the later ones', async () => {
    const s = await create();
    const started = expectOk<Site>(await move(s.id, 'building', '2025-01-10'));
    const base = { ...siteInput({ operatorId: coop.id }), id: s.id };
    const e = expectFail(await core.call('drying.sites.update', { ...base, conformity: 'pending', conformityDocNo: '' }), 'VALIDATION');
    expect(e.issues?.[0]).toEqual({ path: ['conformity'], message: '该设施已在建，须保持“符合国土空间规划”并保留文件文号' });
    const late = expectFail(
      await core.call('drying.sites.update', { ...base, plannedOn: '2025-02-01', plannedCompletion: null }),
      'VALIDATION',
    );
    expect(late.issues?.[0]).toEqual({ path: ['plannedOn'], message: '规划日期不能晚于在建日期（2025-01-10）' });
    // the database itself refuses a started site without conformity
    expect(() => core.db.prepare("UPDATE drying_sites SET conformity = 'no' WHERE id = ?").run(s.id)).toThrow(/CHECK constraint/);
    expect(expectFail(await core.call('drying.sites.update', { ...base, expectedUpdatedAt: s.updatedAt }), 'CONFLICT')).toBeTruthy();
    expect(
      expectOk<Site>(
        await core.call('drying.sites.update', { ...base, name: '柳林镇粮食产地烘干中心', expectedUpdatedAt: started.updatedAt }),
      ).name,
    ).toBe('柳林镇粮食产地烘干中心');
  });

  it('rows belong to the station that created them', async () => {
    const s = await create();
    core.db.prepare('UPDATE drying_sites SET station_id = ? WHERE id = ?').run(randomUUID(), s.id);
    expect(expectFail(await move(s.id, 'building', '2025-01-10'), 'FORBIDDEN').message).toBe(
      '该烘干设施由其他站点登记，只能由登记站点修改',
    );
  });

  it('the county bureau records sites too', async () => {
    const county = tempCore({ now: clock() });
    try {
      (await setUpInstallation(county, { role: 'county', name: '赵局长' }));
      const s = expectOk<Site>(
        await county.call('drying.sites.create', siteInput({ name: '冠县粮食烘干中心', townshipCode: '371525001' })),
      );
      expect(s.townshipName).toBe('清泉街道');
    } finally {
      county.dispose();
    }
  });
});

describe('the site list', () => {
  it('filters by township, stage, kind, overdue and text; void hides a site', async () => {
    const a = await create();
    await create({ name: '清泉烘干点', kind: 'point', townshipCode: '371525001', plannedCompletion: '2025-03-01', operatorId: null });
    expectOk(await move(a.id, 'building', '2025-01-10'));
    const list = async (input: Record<string, unknown>) =>
      expectOk<{ items: SiteListItem[]; total: number }>(await core.call('drying.sites.list', input)).items.map((i) => i.name);
    expect(await list({})).toEqual(['清泉烘干点', '柳林镇粮食烘干中心']); // township code order
    expect(await list({ townshipCode: '371525103' })).toEqual(['柳林镇粮食烘干中心']);
    expect(await list({ stage: 'building' })).toEqual(['柳林镇粮食烘干中心']);
    expect(await list({ kind: 'point' })).toEqual(['清泉烘干点']);
    expect(await list({ overdueOnly: true })).toEqual(['清泉烘干点']);
    expect(await list({ q: '惠农' })).toEqual(['柳林镇粮食烘干中心']); // the operator's name
    expect(await list({ q: '100%' })).toEqual([]);
    expectOk(await core.call('drying.sites.void', { id: a.id, reason: '重复录入' }));
    expect(await list({})).toEqual(['清泉烘干点']);
    expect(await list({ includeVoided: true })).toHaveLength(2);
    expect(expectFail(await move(a.id, 'built', '2025-02-01'), 'FORBIDDEN').message).toBe('该烘干设施已作废，不能再修改');
  });

  it('reads one site with its document number', async () => {
    const s = await create();
    expect(expectOk<Site>(await core.call('drying.sites.get', { id: s.id })).conformityDocNo).toBe(DOC_NO);
  });
});

describe('site photos', () => {
  // a 1×1 PNG
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

  it('stores a photo beside the database by SHA-256 and reads it back verified', async () => {
    const s = await create();
    const add = (base64: string) =>
      core.call('drying.sites.addPhoto', { siteId: s.id, kind: 'document', fileName: '规划批复.png', mime: 'image/png', base64 });
    const photo = expectOk<{ id: string; sha256: string }>(await add(PNG));
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
    const read = expectOk<{ verified: boolean; base64: string }>(await core.call('drying.sites.photo', { id: photo.id }));
    expect([read.verified, read.base64]).toEqual([true, PNG]);
    expect(expectFail(await add(PNG), 'CONFLICT').message).toBe('这张照片已经上传过');
    expect(expectFail(await add(Buffer.from('not an image').toString('base64')), 'VALIDATION').message).toBe(
      '照片无效：不是 JPG 或 PNG 图片',
    );
    expect(expectOk<Site>(await core.call('drying.sites.get', { id: s.id })).photos.map((p) => p.kind)).toEqual(['document']);
  });
});
