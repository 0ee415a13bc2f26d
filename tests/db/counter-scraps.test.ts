import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Scrap } from '../../shared/schemas/scraps';
import { expectFail, expectOk, farmerInput, stationCore, type TempCore } from '../support/core';
import { tractorScrap } from '../support/counter';
import { qrPng } from '../support/images';

let core: TempCore;
let farmer: Farmer;

beforeEach(async () => {
  core = await stationCore();
  farmer = expectOk<Farmer>(await core.call('farmers.create', farmerInput(1, { name: '张三' })));
});
afterEach(() => core.dispose());

describe('scrapped-machine registration (报废登记)', () => {
  it('picks the band and freezes the scrap amounts from the catalogue', async () => {
    const s = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(farmer.id)));
    expect(s.bandLabel).toBe('50–80马力（含80）');
    expect(s.scrapFen).toBe(786_000);
    // the sample table has no separate scrap-and-replace amount for tractors: the scrap-only one applies
    expect(s.scrapReplaceFen).toBe(786_000);
    expect(s.status).toBe('registered');
    expect(s.farmer.idNumberMasked).toMatch(/^371525\*{8}\d{3}[\dX]$/);
  });

  it('uses the scrap-and-replace amount where the table has one', async () => {
    const s = expectOk<Scrap>(
      await core.call(
        'scraps.create',
        tractorScrap(farmer.id, { item: '自走式全喂入稻麦联合收割机', paramValue: 3, plateNo: '鲁15-55555' }),
      ),
    );
    expect([s.bandLabel, s.scrapFen, s.scrapReplaceFen]).toEqual(['1–3kg/s（含3）', 550_000, 825_000]);
  });

  it('puts edge values in the band the table says includes them', async () => {
    const cases: [number, number][] = [
      [20, 385_000],
      [50, 385_000],
      [80, 786_000],
      [80.5, 1_084_000],
      [200, 1_800_000],
      [201, 2_000_000],
      [19.9, 150_000],
    ];
    for (const [i, [hp, fen]] of cases.entries()) {
      const s = expectOk<Scrap>(
        await core.call(
          'scraps.create',
          tractorScrap(farmer.id, { paramValue: hp, engineNo: `E${i}`, frameNo: `F${i}`, plateNo: `鲁15-0000${i}` }),
        ),
      );
      expect(s.scrapFen, `${hp} hp`).toBe(fen);
    }
  });

  it('refuses an item outside the catalogue and a missing parameter, at the field', async () => {
    const noItem = expectFail(await core.call('scraps.create', tractorScrap(farmer.id, { item: '手扶拖拉机' })), 'VALIDATION');
    expect(noItem.issues?.[0]?.path).toEqual(['item']);
    const noValue = expectFail(await core.call('scraps.create', tractorScrap(farmer.id, { paramValue: null })), 'VALIDATION');
    expect(noValue.issues?.[0]).toMatchObject({ path: ['paramValue'] });
    expect(noValue.issues?.[0]?.message).toContain('功率');
  });

  it('requires a plate for tractors and an engine or frame number for every machine', async () => {
    const e = expectFail(await core.call('scraps.create', tractorScrap(farmer.id, { plateNo: '' })), 'VALIDATION');
    expect(e.issues?.map((i) => i.path.join('.'))).toContain('plateNo');
    const e2 = expectFail(await core.call('scraps.create', tractorScrap(farmer.id, { engineNo: '', frameNo: '' })), 'VALIDATION');
    expect(e2.issues?.map((i) => i.path.join('.'))).toContain('engineNo');
  });

  it('scraps one machine once: the same engine, frame or plate number is refused naming the earlier record', async () => {
    expectOk(await core.call('scraps.create', tractorScrap(farmer.id)));
    const other = expectOk<Farmer>(await core.call('farmers.create', farmerInput(2, { name: '李四' })));
    for (const [field, patch] of [
      ['engineNo', { engineNo: 'eng 2009 55667', frameNo: 'X1', plateNo: '鲁15-99999' }],
      ['frameNo', { engineNo: 'X2', frameNo: 'fr0012345', plateNo: '鲁15-99998' }],
      ['plateNo', { engineNo: 'X3', frameNo: 'X3', plateNo: '鲁15 12345' }],
    ] as const) {
      const e = expectFail(await core.call('scraps.create', tractorScrap(other.id, patch)), 'CONFLICT');
      expect(e.issues?.[0]?.path).toEqual([field]);
      expect(e.message).toContain('张三');
      expect(e.message).toContain('只能报废一次');
    }
  });

  it('allows the numbers again once the earlier scrap is voided', async () => {
    const s = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(farmer.id)));
    expectOk(await core.call('applications.transition', { kind: 'scrap', ids: [s.id], to: 'voided', reason: '录入错误' }));
    expectOk(await core.call('scraps.create', tractorScrap(farmer.id)));
  });

  it('edits only while registered or returned, and audits every write', async () => {
    const s = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(farmer.id)));
    const edited = expectOk<Scrap>(await core.call('scraps.update', { ...tractorScrap(farmer.id, { paramValue: 90 }), id: s.id }));
    expect(edited.scrapFen).toBe(1_084_000);
    expectOk(await core.call('applications.transition', { kind: 'scrap', ids: [s.id], to: 'accepted' }));
    expectFail(await core.call('scraps.update', { ...tractorScrap(farmer.id), id: s.id }), 'FORBIDDEN');
    const audit = expectOk<{ items: { method: string }[] }>(await core.call('audit.list', { entityId: s.id }));
    expect(audit.items.map((a) => a.method).sort()).toEqual(['applications.transition', 'scraps.create', 'scraps.update']);
  });

  it('stores photos by SHA-256 beside the database and refuses what is not an image', async () => {
    const s = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(farmer.id)));
    const png = await qrPng('拆解前');
    const photo = expectOk<{ id: string; sha256: string }>(
      await core.call('scraps.addPhoto', {
        scrapId: s.id,
        kind: 'before',
        fileName: '拆解前.png',
        mime: 'image/png',
        base64: png.toString('base64'),
      }),
    );
    expect(photo.sha256).toHaveLength(64);
    const back = expectOk<{ base64: string; verified: boolean }>(await core.call('scraps.photo', { id: photo.id }));
    expect(back.verified).toBe(true);
    expect(Buffer.from(back.base64, 'base64').equals(png)).toBe(true);
    expectFail(
      await core.call('scraps.addPhoto', {
        scrapId: s.id,
        kind: 'after',
        fileName: 'x.png',
        mime: 'image/png',
        base64: png.toString('base64'),
      }),
      'CONFLICT',
    );
    expectFail(
      await core.call('scraps.addPhoto', {
        scrapId: s.id,
        kind: 'after',
        fileName: 'x.png',
        mime: 'image/png',
        base64: Buffer.from('MZ not a png').toString('base64'),
      }),
      'VALIDATION',
    );
    // a PNG signature over a body that is not a PNG, and a WebP (it could not travel to the county): refused too
    const fakePng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body')]);
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    for (const bytes of [fakePng, webp]) {
      const refused = expectFail(
        await core.call('scraps.addPhoto', { scrapId: s.id, kind: 'after', fileName: 'x.png', mime: 'image/png', base64: bytes.toString('base64') }),
        'VALIDATION',
      );
      expect(refused.message).toMatch(/^照片无效：/);
    }
    const detail = expectOk<Scrap>(await core.call('scraps.get', { id: s.id }));
    expect(detail.photos).toHaveLength(1);
  });
});
