import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TodoItem } from '../../shared/schemas/applications';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Notice, Objection } from '../../shared/schemas/notices';
import type { Payment, PaymentListOutput } from '../../shared/schemas/payments';
import type { Purchase } from '../../shared/schemas/purchases';
import { expectFail, expectOk, farmerInput, stationCore, type TempCore } from '../support/core';
import { tractorPurchase } from '../support/counter';
import { exportedFile } from '../support/exports';
import { bankDetails, setStationContact, STATION_CONTACT, verifyPurchases } from '../support/notices';

/** A clock the test sets by hand; each call still moves one second so writes stay ordered. */
function manualClock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date((t += 1000)), set: (iso: string) => void (t = Date.parse(iso)) };
}

const clock = manualClock('2025-09-24T01:00:00Z');
let core: TempCore;
let farmers: Farmer[];
let purchases: Purchase[];

const NOTICE_HEADERS = [
  '序号',
  '县',
  '乡(镇)',
  '村组',
  '购机者姓名',
  '机具品目',
  '生产厂家',
  '产品名称',
  '购买机型',
  '数量(台)',
  '经销商',
  '购机日期',
  '单台销售价格',
  '单台补贴额',
  '总补贴额',
  '出厂编号',
  '状态',
];

const pay = (i: number, extra: Record<string, unknown> = {}) =>
  core.call('applications.pay', {
    kind: 'purchase',
    id: purchases[i]!.id,
    paidOn: '2025-10-11',
    amountFen: purchases[i]!.totalFen,
    financeDoc: 'CZ-2025-0931',
    ...extra,
  } as never);

beforeEach(async () => {
  clock.set('2025-09-24T01:00:00Z'); // Wednesday before National Day, 09:00 in Guan County
  core = await stationCore({ now: clock.now });
  await setStationContact(core);
  farmers = [
    expectOk<Farmer>(await core.call('farmers.create', farmerInput(1, { name: '张三明', ...bankDetails() }))),
    expectOk<Farmer>(await core.call('farmers.create', farmerInput(2, { name: '李四', ...bankDetails('621700123456789013') }))),
    expectOk<Farmer>(await core.call('farmers.create', farmerInput(3, { name: '王五' }))), // no bank card
  ];
  purchases = [];
  for (const [i, f] of farmers.entries()) {
    purchases.push(
      expectOk<Purchase>(
        await core.call(
          'purchases.create',
          tractorPurchase(f.id, { factoryNo: `SN2025-${i}`, engineNo: `ENG-${i}`, invoiceNo: `2537200000001234567${i}` }),
        ),
      ),
    );
  }
  await verifyPurchases(
    core,
    purchases.map((p) => p.id),
  );
  clock.set('2025-09-26T01:00:00Z'); // Friday 26 Sep
});
afterEach(() => core.dispose());

async function publish(ids = purchases.map((p) => p.id), startDate = '2025-09-26'): Promise<Notice> {
  return expectOk<Notice>(await core.call('notices.create', { items: ids.map((id) => ({ kind: 'purchase', id })), startDate }));
}

describe('公示 batches', () => {
  it('publishes verified applications with the official-calendar period and masks names', async () => {
    const n = await publish();
    expect([n.number, n.startDate, n.endDate, n.payableFrom, n.count]).toEqual([
      'GS-103-2025-001',
      '2025-09-26',
      '2025-10-10',
      '2025-10-11',
      3,
    ]);
    expect(n.rows.map((r) => r.buyerNameMasked)).toEqual(['张*明', '李*', '王*']);
    expect(n.totalFen).toBe(purchases.reduce((a, p) => a + p.totalFen, 0));
    expect(n.objectionContact).toContain(STATION_CONTACT.phone);
    const p = expectOk<Purchase>(await core.call('purchases.get', { id: purchases[0]!.id }));
    expect(p.status).toBe('published');
    const todo = expectOk<{ items: TodoItem[] }>(await core.call('applications.todo', {}));
    expect(todo.items.find((t) => t.id === purchases[0]!.id)).toMatchObject({ payableFrom: '2025-10-11', objectionOpen: false });
  });

  it('is the only way to 公示, and 兑付 only goes through applications.pay', async () => {
    const e = expectFail(
      await core.call('applications.transition', { kind: 'purchase', ids: [purchases[0]!.id], to: 'published' }),
      'FORBIDDEN',
    );
    expect(e.message).toContain('公示批次');
    await publish();
    clock.set('2025-10-20T01:00:00Z');
    expectFail(await core.call('applications.transition', { kind: 'purchase', ids: [purchases[0]!.id], to: 'paid' }), 'FORBIDDEN');
  });

  it('refuses a start date in the future, before 核验, or unverified applications', async () => {
    expect(
      expectFail(
        await core.call('notices.create', { items: [{ kind: 'purchase', id: purchases[0]!.id }], startDate: '2025-09-27' }),
        'VALIDATION',
      ).message,
    ).toContain('不能晚于今天');
    expect(
      expectFail(
        await core.call('notices.create', { items: [{ kind: 'purchase', id: purchases[0]!.id }], startDate: '2025-09-23' }),
        'VALIDATION',
      ).message,
    ).toContain('核验');
    await publish([purchases[0]!.id]);
    expectFail(
      await core.call('notices.create', { items: [{ kind: 'purchase', id: purchases[0]!.id }], startDate: '2025-09-26' }),
      'CONFLICT',
    );
  });

  it('exports the notice as Excel with exactly the public columns, a total row and nothing personal', async () => {
    const n = await publish();
    const file = await exportedFile(core, 'notices.exportXlsx', { id: n.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    const ws = wb.worksheets[0]!;
    const values: string[][] = [];
    ws.eachRow((row) => values.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const headerAt = values.findIndex((r) => r[0] === '序号');
    expect(values[headerAt]).toEqual(NOTICE_HEADERS);
    const text = values.flat().join('|');
    for (const f of farmers) {
      expect(text).not.toContain(f.idNumber);
      expect(text).not.toContain(f.phone);
      if (f.bankCard) expect(text).not.toContain(f.bankCard);
      expect(text).not.toContain(f.name === '李四' ? '李四' : f.name);
    }
    const total = values.find((r) => r[0] === '合计')!;
    expect(Number(total[14])).toBe(n.totalFen / 100);
    expect(text).toContain(STATION_CONTACT.address);
  });
});

describe('兑付 after the notice period', () => {
  it('is refused one working day early and accepted on the first eligible day, in China time', async () => {
    await publish();
    clock.set('2025-10-10T15:59:00Z'); // 23:59 on Friday 10 Oct in China: the period's last day
    const early = expectFail(await pay(0, { paidOn: '2025-10-10' }), 'FORBIDDEN');
    expect(early.message).toContain('2025-10-11 起方可兑付');
    clock.set('2025-10-10T16:00:30Z'); // 00:00 on Saturday 11 Oct in China (a make-up working day); still 10 Oct in UTC
    const paid = expectOk<Payment>(await pay(0));
    expect(paid).toMatchObject({
      paidOn: '2025-10-11',
      amountFen: purchases[0]!.totalFen,
      accountKind: 'card',
      financeDoc: 'CZ-2025-0931',
    });
    expect(paid.accountMasked).toBe(`**** ${farmers[0]!.bankCard!.slice(-4)}`);
    const p = expectOk<Purchase>(await core.call('purchases.get', { id: purchases[0]!.id }));
    expect(p.status).toBe('paid');
    expect(p.events.at(-1)).toMatchObject({ toStatus: 'paid', operator: '王会计' });
    expectFail(await pay(0), 'CONFLICT'); // paid once only
  });

  it('checks the payment facts: date, amount, account', async () => {
    await publish();
    clock.set('2025-10-13T02:00:00Z');
    expect(expectFail(await pay(0, { paidOn: '2025-10-14' }), 'VALIDATION').message).toContain('不能晚于今天');
    expect(expectFail(await pay(0, { paidOn: '2025-10-10' }), 'VALIDATION').message).toContain('公示期结束');
    expectFail(await pay(0, { paidOn: '2025-02-30' }), 'VALIDATION');
    expect(expectFail(await pay(0, { amountFen: purchases[0]!.totalFen + 1 }), 'VALIDATION').message).toContain('不能超过核定补贴');
    expect(expectFail(await pay(0, { amountFen: purchases[0]!.totalFen - 100 }), 'VALIDATION').message).toContain('说明原因');
    expectOk(await pay(0, { amountFen: purchases[0]!.totalFen - 100, amountReason: '财政按实际到位资金拨付' }));
    const noCard = expectFail(await pay(2), 'FORBIDDEN');
    expect(noCard.message).toMatch(/王五 未登记本人银行卡.*请先在农户信息中补充账号和开户银行/);
  });

  it('an objection blocks payment until it is resolved; re-publication starts a new period', async () => {
    await publish();
    clock.set('2025-09-29T02:00:00Z');
    const o = expectOk<Objection>(
      await core.call('applications.objection', {
        action: 'raise',
        kind: 'purchase',
        id: purchases[1]!.id,
        raisedBy: '东柳林村村民赵某',
        raisedOn: '2025-09-29',
        content: '该拖拉机实为其兄弟所购',
      }),
    );
    expectFail(
      await core.call('applications.objection', {
        action: 'raise',
        kind: 'purchase',
        id: purchases[1]!.id,
        raisedBy: '赵某',
        raisedOn: '2025-10-12',
        content: '晚了',
      }),
      'VALIDATION',
    );
    clock.set('2025-10-13T02:00:00Z');
    expect(expectFail(await pay(1, { paidOn: '2025-10-13' }), 'FORBIDDEN').message).toContain('异议');
    const todo = expectOk<{ items: TodoItem[] }>(await core.call('applications.todo', {}));
    expect(todo.items.find((t) => t.id === purchases[1]!.id)?.objectionOpen).toBe(true);
    expectOk(await pay(0, { paidOn: '2025-10-13' })); // the others are not held up
    const resolved = expectOk<Objection>(
      await core.call('applications.objection', {
        action: 'resolve',
        objectionId: o.id,
        outcome: 'recheck',
        note: '核实为本人购买，重新核验',
      }),
    );
    expect(resolved).toMatchObject({ outcome: 'recheck', resolvedBy: '王会计' });
    let p = expectOk<Purchase>(await core.call('purchases.get', { id: purchases[1]!.id }));
    expect(p.status).toBe('accepted');
    expectOk(
      await core.call('applications.transition', {
        kind: 'purchase',
        ids: [purchases[1]!.id],
        to: 'verified',
        checks: { person: true, machine: true, invoice: true, nameplate: true },
      }),
    );
    const again = await publish([purchases[1]!.id], '2025-10-13');
    expect([again.number, again.endDate, again.payableFrom]).toEqual(['GS-103-2025-002', '2025-10-20', '2025-10-21']);
    clock.set('2025-10-20T02:00:00Z');
    expectFail(await pay(1, { paidOn: '2025-10-20' }), 'FORBIDDEN');
    clock.set('2025-10-21T02:00:00Z');
    expectOk(await pay(1, { paidOn: '2025-10-21' }));
    p = expectOk<Purchase>(await core.call('purchases.get', { id: purchases[1]!.id }));
    expect(p.status).toBe('paid');
  });

  it('an objection upheld returns the application with the outcome as the reason', async () => {
    await publish();
    clock.set('2025-09-29T02:00:00Z');
    const o = expectOk<Objection>(
      await core.call('applications.objection', {
        action: 'raise',
        kind: 'purchase',
        id: purchases[0]!.id,
        raisedBy: '匿名',
        raisedOn: '2025-09-29',
        content: '发票金额不实',
      }),
    );
    expectOk(
      await core.call('applications.objection', {
        action: 'resolve',
        objectionId: o.id,
        outcome: 'returned',
        note: '经查发票金额不实，退回',
      }),
    );
    const p = expectOk<Purchase>(await core.call('purchases.get', { id: purchases[0]!.id }));
    expect([p.status, p.returnReason]).toEqual(['returned', '异议处理：经查发票金额不实，退回']);
    expectFail(
      await core.call('applications.objection', { action: 'resolve', objectionId: o.id, outcome: 'recheck', note: '再次' }),
      'CONFLICT',
    );
  });
});

describe('代发清单', () => {
  it('lists payable applications with full accounts and a total equal to the approved subsidies, and audits who exported it', async () => {
    await publish();
    clock.set('2025-10-13T02:00:00Z');
    const list = expectOk<PaymentListOutput>(
      await core.call('payments.exportList', { items: purchases.slice(0, 2).map((p) => ({ kind: 'purchase', id: p.id })) }),
    );
    expect(list.totalFen).toBe(purchases[0]!.totalFen + purchases[1]!.totalFen);
    expect(list.lines.reduce((a, l) => a + l.amountFen, 0)).toBe(list.totalFen);
    expect(list.fileName).toContain('内部资料');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(list.base64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(String(rows[0]![0])).toContain('内部资料');
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(['序号', '户名', '账号', '金额', '开户行', '用途', '备注']);
    expect(rows[header + 1]!.slice(0, 3)).toEqual([1, '张三明', farmers[0]!.bankCard]);
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total[3]).toBe(list.totalFen / 100);
    const sumOfRows = rows
      .slice(header + 1)
      .filter((r) => typeof r[0] === 'number')
      .reduce((a, r) => a + Math.round((r[3] as number) * 100), 0);
    expect(sumOfRows).toBe(list.totalFen);
    const audit = core.db.prepare("SELECT operator, after_json FROM audit_log WHERE method = 'payments.exportList'").all() as {
      operator: string;
      after_json: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.operator).toBe('王会计');
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ count: 2, totalFen: list.totalFen });
    // one without a card, or one not yet payable, is refused by name
    expect(
      expectFail(await core.call('payments.exportList', { items: [{ kind: 'purchase', id: purchases[2]!.id }] }), 'FORBIDDEN').message,
    ).toContain('王五');
  });

  it('refuses applications whose notice has not ended', async () => {
    await publish();
    const e = expectFail(await core.call('payments.exportList', { items: [{ kind: 'purchase', id: purchases[0]!.id }] }), 'FORBIDDEN');
    expect(e.message).toContain('方可兑付');
  });
});
