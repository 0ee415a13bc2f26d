import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCodeOfSignature } from '../../db/services/voucher-signature';
import { formatSignedVoucherQr, formatVoucherQr } from '../../shared/domain/voucher-code';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Purchase } from '../../shared/schemas/purchases';
import type { Scrap } from '../../shared/schemas/scraps';
import type { Voucher, VerifyOutput } from '../../shared/schemas/vouchers';
import { expectFail, expectOk, farmerInput, stationCore, steppingClock, type TempCore } from '../support/core';
import { addUser } from '../support/setup';
import { ALL_PURCHASE_CHECKS, ALL_SCRAP_CHECKS, tractorPurchase, tractorScrap } from '../support/counter';

let core: TempCore;
let n = 0;

beforeEach(async () => {
  core = await stationCore();
});
afterEach(() => core.dispose());

async function verifiedPurchase(withScrap = false): Promise<Purchase> {
  n++;
  const f = expectOk<Farmer>(
    await core.call(
      'farmers.create',
      farmerInput(100 + n, { name: `购机户${n}`, bankCard: '6228480402564890018', bankName: '中国农业银行' }),
    ),
  );
  const scrap = withScrap
    ? expectOk<Scrap>(
        await core.call('scraps.create', tractorScrap(f.id, { engineNo: `SE${n}`, frameNo: `SF${n}`, plateNo: `鲁15-${10000 + n}` })),
      )
    : null;
  const p = expectOk<Purchase>(
    await core.call('purchases.create', tractorPurchase(f.id, { factoryNo: `SN-${n}`, engineNo: `E-${n}`, scrapId: scrap?.id ?? null })),
  );
  expectOk(await core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'accepted' }));
  expectOk(await core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: ALL_PURCHASE_CHECKS }));
  return p;
}

const issue = (applicationId: string, kind: 'purchase' | 'scrap' = 'purchase') => core.call('vouchers.issue', { kind, applicationId });

describe('vouchers (补贴凭证)', () => {
  it('issues once an application is verified, freezing amounts and printed facts', async () => {
    const p = await verifiedPurchase(true);
    const v = expectOk<Voucher>(await issue(p.id));
    expect(v.number).toBe('GX-103-2025-000001');
    expect([v.purchaseFen, v.scrapFen, v.totalFen]).toEqual([790_000, 786_000, 1_576_000]);
    expect(v.totalUpper).toBe('人民币壹万伍仟柒佰陆拾元整');
    expect(v.snapshot.title).toBe('冠县农机报废更新补贴凭证');
    expect(v.snapshot.payment).toEqual({ method: '直补到卡', bankName: '中国农业银行', cardLast4: '0018' });
    expect(v.snapshot.newMachine?.factoryNo).toBe('SN-1');
    expect(v.snapshot.scrapMachine?.confirmFormNo).toBe('GXBF-2025-0001');
    // the QR holds the full station signature; the printed 校验码 is derived from it
    const signature = v.qrPayload.split('|').at(-1) as string;
    expect(v.qrPayload).toBe(
      formatSignedVoucherQr({ number: v.number, totalFen: v.totalFen, issueDate: v.issueDate, farmerId: v.farmerId, signature }),
    );
    expect(v.checkCode).toBe(checkCodeOfSignature(signature));
  });

  it('refuses before 核验, and returns the same voucher when asked twice', async () => {
    const f = expectOk<Farmer>(await core.call('farmers.create', farmerInput(1)));
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(f.id)));
    expectFail(await issue(p.id), 'FORBIDDEN');
    const ok = await verifiedPurchase();
    const a = expectOk<Voucher>(await issue(ok.id));
    const b = expectOk<Voucher>(await issue(ok.id));
    expect(b.id).toBe(a.id);
  });

  it('numbers without gaps under many issues and voids, never reusing a number', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 12; i++) {
      const p = await verifiedPurchase();
      const v = expectOk<Voucher>(await issue(p.id));
      numbers.push(v.number);
      if (i % 3 === 0) {
        expectOk(await core.call('vouchers.void', { id: v.id, reason: '信息有误重开' }));
        numbers.push(expectOk<Voucher>(await issue(p.id)).number);
      }
    }
    const seqs = numbers.map((x) => Number(x.slice(-6)));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(new Set(numbers).size).toBe(numbers.length);
    const voided = expectOk<{ items: { number: string; voidedAt: string | null }[] }>(await core.call('vouchers.list', { pageSize: 100 }));
    expect(voided.items.filter((i) => i.voidedAt).map((i) => i.number)).toHaveLength(4);
  });

  it('issues scrap-only vouchers, but not for a scrap travelling with a purchase', async () => {
    const f = expectOk<Farmer>(await core.call('farmers.create', farmerInput(1)));
    const s = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(f.id)));
    expectOk(await core.call('applications.transition', { kind: 'scrap', ids: [s.id], to: 'accepted' }));
    expectOk(await core.call('applications.transition', { kind: 'scrap', ids: [s.id], to: 'verified', checks: ALL_SCRAP_CHECKS }));
    const v = expectOk<Voucher>(await issue(s.id, 'scrap'));
    expect([v.snapshot.title, v.totalFen, v.snapshot.newMachine]).toEqual(['冠县农机报废补贴凭证', 786_000, null]);
    const p = await verifiedPurchase(true);
    expectFail(await issue(p.scrapId as string, 'scrap'), 'FORBIDDEN');
  });

  it('verifies a scanned code, and the check code catches a changed amount', async () => {
    const p = await verifiedPurchase();
    const v = expectOk<Voucher>(await issue(p.id));
    expect(expectOk<VerifyOutput>(await core.call('vouchers.verify', { code: v.qrPayload })).result).toBe('valid');
    const forged = formatVoucherQr({ number: v.number, totalFen: v.totalFen + 100_000, checkCode: v.checkCode });
    expect(expectOk<VerifyOutput>(await core.call('vouchers.verify', { code: forged })).result).toBe('mismatch');
    const badCode = formatVoucherQr({ number: v.number, totalFen: v.totalFen, checkCode: 'ZZZZZZZZ' });
    expect(expectOk<VerifyOutput>(await core.call('vouchers.verify', { code: badCode })).result).toBe('mismatch');
    expect(expectOk<VerifyOutput>(await core.call('vouchers.verify', { code: v.number.toLowerCase() })).result).toBe('number_only');
    expect(expectOk<VerifyOutput>(await core.call('vouchers.verify', { code: 'GX-103-2025-999999' })).result).toBe('not_found');
    expectOk(await core.call('vouchers.void', { id: v.id, reason: '农户信息有误' }));
    const voided = expectOk<VerifyOutput>(await core.call('vouchers.verify', { code: v.qrPayload }));
    expect([voided.result, voided.voucher?.voidReason]).toEqual(['voided', '农户信息有误']);
    expect(voided.voucher?.buyerNameMasked).toContain('*');
  });

  it('checks a paper voucher by its number and printed 校验码, showing the amount back; a wrong code is refused', async () => {
    const p = await verifiedPurchase();
    const v = expectOk<Voucher>(await issue(p.id));
    const typed = `${v.checkCode.slice(0, 4).toLowerCase()} ${v.checkCode.slice(4)}`; // as read off the paper
    const ok = expectOk<VerifyOutput>(await core.call('vouchers.verify', { code: v.number, checkCode: typed }));
    expect(ok.result).toBe('valid');
    expect(ok.voucher?.totalFen).toBe(v.totalFen);
    expect(ok.message).toContain('人民币柒仟玖佰元整');
    const wrongChar = v.checkCode.startsWith('A') ? 'B' : 'A';
    const bad = expectOk<VerifyOutput>(await core.call('vouchers.verify', { code: v.number, checkCode: wrongChar + v.checkCode.slice(1) }));
    expect(bad.result).toBe('mismatch');
    expect(bad.message).toMatch(/校验码不符.*请勿兑付/);
    expect(bad.voucher).toBeNull(); // a guessed code learns nothing
    expectFail(await core.call('vouchers.verify', { code: v.number, checkCode: '12' }), 'VALIDATION');
    expectOk(await core.call('vouchers.void', { id: v.id, reason: '重开' }));
    expect(expectOk<VerifyOutput>(await core.call('vouchers.verify', { code: v.number, checkCode: v.checkCode })).result).toBe('voided');
  });

  it('counts prints that happened; a reprint needs its reason; 未打印成功 takes the count back; a voided voucher cannot be printed', async () => {
    const p = await verifiedPurchase();
    const v = expectOk<Voucher>(await issue(p.id));
    expect(v.printCount).toBe(0); // issuing is not printing
    const first = expectOk<{ items: Voucher[] }>(await core.call('vouchers.recordPrint', { ids: [v.id] }));
    expect(first.items[0]?.printCount).toBe(1);
    // 补打 without a reason is refused, with one it is counted
    const noReason = expectFail(await core.call('vouchers.recordPrint', { ids: [v.id] }), 'VALIDATION');
    expect(noReason.message).toContain('补打须说明原因');
    const second = expectOk<{ items: Voucher[] }>(await core.call('vouchers.recordPrint', { ids: [v.id], reprintReason: '卡纸' }));
    expect(second.items[0]?.printCount).toBe(2);
    // the technician marks the reprint as not printed: the next print carries 第2次 again
    const failed = expectOk<{ items: Voucher[] }>(await core.call('vouchers.markPrintFailed', { ids: [v.id], note: '打印机卡纸，未出纸' }));
    expect(failed.items[0]?.printCount).toBe(1);
    expect(expectOk<Voucher>(await core.call('vouchers.get', { id: v.id })).printCount).toBe(1);
    const audit = expectOk<{ items: { method: string; after: Record<string, unknown> | null }[] }>(
      await core.call('audit.list', { entityId: v.id }),
    );
    const prints = audit.items.filter((a) => a.method === 'vouchers.recordPrint');
    expect(prints).toHaveLength(2);
    expect(prints.map((a) => a.after?.reprintReason ?? null)).toContain('卡纸');
    expect(audit.items.find((a) => a.method === 'vouchers.markPrintFailed')?.after).toMatchObject({
      printCount: 1,
      note: '打印机卡纸，未出纸',
    });
    // one take-back per print: the print before it stays counted
    expect(expectFail(await core.call('vouchers.markPrintFailed', { ids: [v.id] }), 'CONFLICT').message).toContain('不能重复退回');
    expectOk(await core.call('vouchers.void', { id: v.id, reason: '重开' }));
    expectFail(await core.call('vouchers.recordPrint', { ids: [v.id] }), 'FORBIDDEN');
  });

  it('counts a print before the paper goes out: a stale page is refused, and a printed paper cannot quietly be un-printed', async () => {
    const p = await verifiedPurchase();
    const v = expectOk<Voucher>(await issue(p.id));
    // the page showed 第1次 (count 0) and prints: counted; another page still showing count 0 is refused
    expectOk(await core.call('vouchers.recordPrint', { ids: [v.id], expectedCounts: [0] }));
    const stale = expectFail(await core.call('vouchers.recordPrint', { ids: [v.id], expectedCounts: [0], reprintReason: '卡纸' }), 'CONFLICT');
    expect(stale.message).toContain('请刷新后重新打印');
    expectFail(await core.call('vouchers.recordPrint', { ids: [v.id], expectedCounts: [1, 2], reprintReason: '卡纸' }), 'VALIDATION');
    // another operator cannot take back this print
    const other = await addUser(core, { login: 'jishuyuan2', displayName: '李技术员', role: 'technician' });
    const notMine = expectFail(await core.call('vouchers.markPrintFailed', { ids: [v.id], note: '' }, other.session), 'FORBIDDEN');
    expect(notMine.message).toContain('只有本人');
    // the operator may, once per print, at most three times in all
    for (let i = 1; i <= 3; i++) {
      expectOk(await core.call('vouchers.markPrintFailed', { ids: [v.id], note: `第${i}次卡纸` }));
      expectOk(await core.call('vouchers.recordPrint', { ids: [v.id], expectedCounts: [0] }));
    }
    const limit = expectFail(await core.call('vouchers.markPrintFailed', { ids: [v.id], note: '' }), 'CONFLICT');
    expect(limit.message).toContain('已退回过 3 次');
    expect(expectOk<Voucher>(await core.call('vouchers.get', { id: v.id })).printCount).toBe(1);
  });

  it('refuses to take back a print after ten minutes', async () => {
    let offset = 0;
    const clock = steppingClock();
    const timed = await stationCore({ now: () => new Date(clock().getTime() + offset) });
    try {
      const f = expectOk<Farmer>(await timed.call('farmers.create', farmerInput(900, { name: '限时户' })));
      const p = expectOk<Purchase>(await timed.call('purchases.create', tractorPurchase(f.id, { factoryNo: 'SN-T', engineNo: 'E-T' })));
      expectOk(await timed.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'accepted' }));
      expectOk(
        await timed.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: ALL_PURCHASE_CHECKS }),
      );
      const v = expectOk<Voucher>(await timed.call('vouchers.issue', { kind: 'purchase', applicationId: p.id }));
      expectOk(await timed.call('vouchers.recordPrint', { ids: [v.id] }));
      offset = 11 * 60_000;
      const late = expectFail(await timed.call('vouchers.markPrintFailed', { ids: [v.id], note: '' }), 'CONFLICT');
      expect(late.message).toContain('超过 10 分钟');
    } finally {
      timed.dispose();
    }
  });

  it('never writes the signing secret to the audit log', async () => {
    const rows = core.db.prepare('SELECT before_json, after_json FROM audit_log').all() as {
      before_json: string | null;
      after_json: string | null;
    }[];
    const secret = (core.db.prepare('SELECT voucher_secret FROM installation').get() as { voucher_secret: string }).voucher_secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(secret);
    const privateKey = (core.db.prepare('SELECT private_key FROM installation_keys').get() as { private_key: string }).private_key;
    expect(JSON.stringify(rows)).not.toContain(privateKey);
  });
});
