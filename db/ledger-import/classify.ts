/**
 * One ledger row → what importing it would do: create (with the farmer and purchase it becomes),
 * already present, needs attention (imported with a flag), cannot import (with the reason) or skipped.
 * Rows are classified one at a time as they stream in; state across rows catches the same farmer on
 * many rows, names that disagree for one ID, and duplicates within and across sheets.
 */
import { compact, isBlank, toHalfWidth, isTotalRow, readBankCard, readDate, readIdNumber, readMoney, readPhone, type LedgerCell } from '../../shared/domain/ledger-values';
import { normalizeMachineNo } from '../../shared/domain/machine-ids';
import { maskIdNumber } from '../../shared/domain/mask';
import { formatFen } from '../../shared/domain/money';
import { TOWNSHIPS, townshipName } from '../../shared/domain/townships';
import { STATUS_LABELS, type Status } from '../../shared/domain/workflow';
import type { FarmerKind } from '../../shared/schemas/farmers';
import { LEDGER_FIELD_LABELS, LEDGER_REQUIRED, LEDGER_SCRAP_REQUIRED, type LedgerField, type LedgerKind, type LedgerRowResult } from '../../shared/schemas/ledger-import';
import { planScrap, type ScrapPlan, type ScrapState } from './classify-scrap';
import { mergedPerMachine, overLong } from './row-limits';
import type { ServiceContext } from '../context';
import { CatalogChecker } from './catalog-check';
import type { ColumnPlan } from './fields';
import type { LedgerSheetRow } from './read';
import { rowLookups } from './repository';
import type { LedgerStage, SeenKeys } from './stage';
import { readLedgerStatus } from './status';

/** A farmer an import creates (shared by all its rows with the same ID number). */
export interface NewFarmer {
  kind: FarmerKind;
  name: string;
  idNumber: string;
  phone: string;
  townshipCode: string;
  village: string;
  bankCard: string | null;
  bankName: string | null;
  sheet: string;
  row: number;
  flags: string[];
  /** Set at commit. */
  id?: string;
}

export interface PurchasePlan {
  /** An existing farmer, or the one this import creates for an ID number (staged once, see stage.ts). */
  farmer: { existingId: string } | { created: string };
  item: string;
  bandLabel: string;
  category: string;
  catalogBandId: string | null;
  catalogYear: number;
  maker: string;
  productName: string;
  model: string;
  factoryNo: string;
  factoryNoNorm: string;
  engineNo: string | null;
  invoiceNo: string;
  invoiceDate: string;
  priceFen: number;
  purchaseDate: string;
  subsidyFen: number;
  status: Status;
  ledgerStatus: Status;
  paidFen: number | null;
  catalogFen: number | null;
  flags: string[];
}

export interface RowPlan {
  result: LedgerRowResult;
  purchase?: PurchasePlan;
  scrap?: ScrapPlan;
}

/** Cells a farmer with several machines shares through merged cells (carried down to the rows below). */
const FARMER_FIELDS: readonly LedgerField[] = ['name', 'idNumber', 'phone', 'township', 'village', 'bankCard', 'bankName'];
const NO_INVOICE = '台账未记载';

const where = (sheet: string, row: number) => `“${sheet}”第 ${row} 行`;

function townshipCodeOf(text: string): string | null | undefined {
  const t = compact(text);
  if (!t) return undefined;
  return TOWNSHIPS.find((x) => x.code === t || x.name === t || x.name.replace(/(镇|乡|街道)$/, '') === t.replace(/(镇|乡|街道)$/, ''))?.code ?? null;
}

export class LedgerClassifier {
  private readonly catalog: CatalogChecker;
  /** serial + buyer + date → where first met in this file; serial → where first met (both kept in the stage). */
  private readonly keysInFile: SeenKeys;
  private readonly serialsInFile: SeenKeys;
  private readonly lookups: ReturnType<typeof rowLookups>;
  private readonly scrapState: ScrapState;
  private carry: { sheet: string; row: number; cells: Map<LedgerField, LedgerCell> } | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly station: { stationId: string; townshipCode: string },
    private readonly today: string,
    /** Where classified rows and the state across rows are kept (SQLite, not the heap). */
    private readonly stage: LedgerStage,
  ) {
    this.catalog = new CatalogChecker(ctx);
    this.lookups = rowLookups(ctx.db, station.stationId);
    this.keysInFile = stage.keys('purchase-key');
    this.serialsInFile = stage.keys('purchase-serial');
    this.scrapState = { lookups: this.lookups, keysInFile: stage.keys('scrap-key'), numbersInFile: stage.keys('scrap-number'), catalog: this.catalog };
  }

  /** New sheet: merged cells never carry across sheets. */
  startSheet(): void {
    this.carry = null;
  }

  /** Classifies a row and stages it (the plan is returned for callers that look at one row). */
  classify(row: LedgerSheetRow, columns: readonly ColumnPlan[], kind: LedgerKind = 'purchase'): RowPlan {
    const plan = this.classifyRow(row, columns, kind, this.stage.nextSeq);
    this.stage.add(plan);
    return plan;
  }

  private classifyRow(row: LedgerSheetRow, columns: readonly ColumnPlan[], kind: LedgerKind, seq: number): RowPlan {
    const cells = new Map<LedgerField, LedgerCell>();
    for (const c of columns) if (c.field && c.field !== 'ignore') cells.set(c.field, row.cells[c.index] ?? { text: '' });
    const text = (f: LedgerField) => compact(cells.get(f)?.text ?? '');
    const raw = (f: LedgerField) => toHalfWidth(cells.get(f)?.text ?? '').trim();
    const scrap = kind === 'scrap';
    // a scrapping ledger dates a row by its 回收日期 and names the machine by frame, serial or engine number
    const dateField: LedgerField = scrap ? 'handoverDate' : 'purchaseDate';
    const machineNo = () => (scrap ? raw('frameNo') || raw('factoryNo') || raw('engineNo') : raw('factoryNo'));
    const result: LedgerRowResult = {
      sheet: row.sheet,
      row: row.number,
      outcome: 'create',
      kind,
      name: raw('name'),
      idMasked: '',
      item: raw('item'),
      model: raw('model'),
      factoryNo: machineNo(),
      purchaseDate: raw(dateField),
      subsidyFen: null,
      status: raw('status'),
      reasons: [],
      notes: [],
    };
    const skip = (why: string): RowPlan => ({ result: { ...result, outcome: 'skipped', reasons: [why] } });
    if (isTotalRow(row.cells.map((c) => c.text))) return skip('合计/小计行，已跳过');
    const known = columns.filter((c) => c.field && c.field !== 'ignore' && compact(row.cells[c.index]?.text ?? '') === compact(c.header));
    if (known.length >= 3) return skip('重复的表头行，已跳过');
    if (!machineNo() && !text('model') && !text('item')) {
      if (!text('name') && !text('idNumber')) return skip('没有购机者和机具信息，已跳过（可能是说明或空白行）');
    }

    const refusals: string[] = [];
    const attention: string[] = [];
    // merged cells (the reader fills each cell of a merged range with its top-left value): said in the notes
    const merged = new Map<number, string[]>();
    for (const [f, cell] of cells) {
      if (cell.mergedFrom !== undefined) merged.set(cell.mergedFrom, [...(merged.get(cell.mergedFrom) ?? []), LEDGER_FIELD_LABELS[f]]);
    }
    for (const [from, labels] of merged) result.notes.push(`${labels.join('、')}取自第 ${from} 行（合并单元格）`);
    refusals.push(...mergedPerMachine(cells));
    // name and ID left blank without a merge (a CSV, or a ledger that writes nothing for "same as above"):
    // the row above's farmer is taken, but only with a flag for the technician to confirm
    if (!text('name') && !text('idNumber') && this.carry && this.carry.sheet === row.sheet) {
      const from = this.carry;
      const carried: string[] = [];
      for (const f of [...FARMER_FIELDS, dateField]) {
        const value = from.cells.get(f);
        if (isBlank(cells.get(f)) && value && !isBlank(value)) {
          cells.set(f, value);
          carried.push(LEDGER_FIELD_LABELS[f]);
        }
      }
      if (carried.length) {
        attention.push(`${carried.join('、')}为空（不是合并单元格），按第 ${from.row} 行填写，请核对`);
        result.name = raw('name');
        result.purchaseDate = raw(dateField);
      }
    } else if (text('name') || text('idNumber')) {
      this.carry = { sheet: row.sheet, row: row.number, cells: new Map(cells) };
    }

    const plan: RowPlan = { result };
    const missing = (scrap ? LEDGER_SCRAP_REQUIRED : LEDGER_REQUIRED).filter((f) => !text(f));
    if (scrap && !machineNo()) missing.push('frameNo');
    if (missing.length) refusals.push(`缺少${missing.map((f) => LEDGER_FIELD_LABELS[f]).join('、')}`);
    refusals.push(...overLong(raw));

    const idRead = text('idNumber') ? readIdNumber(cells.get('idNumber') as LedgerCell, this.today) : null;
    if (idRead && !idRead.ok) refusals.push(idRead.reason);
    if (idRead?.ok) {
      result.idMasked = maskIdNumber(idRead.value.value);
      attention.push(...idRead.notes);
    }
    const dateLabel = LEDGER_FIELD_LABELS[dateField];
    const date = text(dateField) ? readDate(cells.get(dateField) as LedgerCell, dateLabel) : null;
    if (date && !date.ok) refusals.push(date.reason);
    if (date?.ok) {
      result.purchaseDate = date.value;
      if (date.value > this.today) refusals.push(`${dateLabel} ${date.value} 晚于今天`);
    }
    const invoiceDate = !scrap && text('invoiceDate') ? readDate(cells.get('invoiceDate') as LedgerCell, '发票日期') : null;
    if (invoiceDate && !invoiceDate.ok) refusals.push(invoiceDate.reason);
    const price = !scrap && text('price') ? readMoney(cells.get('price') as LedgerCell, '销售价格') : null;
    if (price && !price.ok) refusals.push(price.reason);
    if (price?.ok && price.value <= 0) refusals.push('销售价格应大于 0');
    const subsidy = text('subsidy') || text('subsidyWords') ? readMoney(cells.get('subsidy') ?? { text: '' }, '补贴金额', cells.get('subsidyWords')) : null;
    if (subsidy && !subsidy.ok) refusals.push(subsidy.reason);
    if (subsidy?.ok) result.subsidyFen = subsidy.value;
    if (price?.ok && subsidy?.ok && subsidy.value > price.value) refusals.push(`补贴金额 ${formatFen(subsidy.value)} 元超过销售价格 ${formatFen(price.value)} 元`);
    const status = readLedgerStatus(raw('status'), raw('note'));
    if (!status.ok) refusals.push(status.reason);
    else {
      result.status = STATUS_LABELS[status.status];
      if (status.note) attention.push(status.note);
    }
    let paidFen: number | null = null;
    if (text('paidAmount')) {
      const paid = readMoney(cells.get('paidAmount') as LedgerCell, '兑付金额');
      if (!paid.ok) refusals.push(paid.reason);
      else paidFen = paid.value;
    }
    if (status.ok && status.status === 'paid' && paidFen !== null && subsidy?.ok && paidFen !== subsidy.value) {
      attention.push(`兑付金额 ${formatFen(paidFen)} 元与补贴金额 ${formatFen(subsidy.value)} 元不同`);
    }
    if (status.ok && status.status !== 'paid' && paidFen !== null && paidFen > 0) {
      attention.push(`台账记有兑付金额 ${formatFen(paidFen)} 元，但状态不是已兑付`);
    }

    // the farmer: one record per ID number
    let farmer: PurchasePlan['farmer'] | null = null;
    const name = raw('name');
    if (idRead?.ok && name) {
      const id = idRead.value.value;
      const earlier = this.stage.firstName(id);
      if (earlier && earlier.name !== name) {
        const why = `身份证号相同但姓名不同：${earlier.at}为“${earlier.name}”，本行为“${name}”`;
        attention.push(why);
        if (!earlier.flagged) {
          this.stage.flagName(id);
          // the first row is told too, when it is to be imported (its reasons are its flags)
          this.stage.update(earlier.seq, (first) => {
            if (first.result.outcome !== 'create' && first.result.outcome !== 'attention') return;
            const also = `身份证号相同但姓名不同：${where(row.sheet, row.number)}为“${name}”`;
            first.result.reasons.push(also);
            first.made?.plan.flags.push(also);
            first.result.outcome = 'attention';
          });
        }
      } else if (!earlier) this.stage.rememberName(id, name, seq, where(row.sheet, row.number));
      const existing = this.lookups.farmer(id);
      if (existing) {
        if (existing.name !== name) attention.push(`该身份证号已登记为“${existing.name}”，台账写作“${name}”（导入后记在“${existing.name}”名下）`);
        farmer = { existingId: existing.id };
      } else {
        if (this.stage.newFarmer(id)) farmer = { created: id };
        else {
          const made = this.newFarmer(id, idRead.value.kind, name, cells, row, refusals, attention);
          if (made) {
            this.stage.addNewFarmer(made);
            farmer = { created: id };
          }
        }
      }
    }

    if (scrap) {
      return planScrap(this.scrapState, {
        raw,
        result,
        at: where(row.sheet, row.number),
        farmer,
        idNumber: idRead?.ok ? idRead.value.value : null,
        date: date?.ok ? date.value : null,
        subsidyFen: subsidy?.ok ? subsidy.value : null,
        status: status.ok ? status.status : null,
        paidFen,
        refusals,
        attention,
      });
    }

    // the machine: subsidised once, ever; idempotent by serial + buyer + date
    const serialNorm = normalizeMachineNo(raw('factoryNo'));
    let present: string | null = null;
    if (serialNorm && idRead?.ok && date?.ok) {
      const key = `${serialNorm}\u0001${idRead.value.value}\u0001${date.value}`;
      const dup = this.keysInFile.get(key);
      if (dup) present = `与${dup}重复（出厂编号、购机者和购机日期都相同）`;
      else {
        const other = this.serialsInFile.get(serialNorm);
        if (other) refusals.push(`出厂编号与${other}相同，但购机者或购机日期不同：同一台农机只能补贴一次，请核对`);
        else this.serialsInFile.set(serialNorm, where(row.sheet, row.number));
        this.keysInFile.set(key, where(row.sheet, row.number));
      }
      if (!present) {
        for (const p of this.lookups.purchasesBySerial(serialNorm)) {
          if (p.f_id_number === idRead.value.value && p.purchase_date === date.value) {
            present = `已在本站登记（${p.purchase_date}，${p.item} ${p.model}）`;
            break;
          }
          refusals.push(
            `出厂编号 ${p.factory_no} 已于 ${p.purchase_date} 申请过购置补贴：购机者 ${p.f_name}（${townshipName(p.f_township_code)}），${p.item} ${p.model}（${STATUS_LABELS[p.status as Status]}）。同一台农机只能补贴一次`,
          );
          break;
        }
      }
      const engineNorm = normalizeMachineNo(raw('engineNo'));
      const scrapped = this.lookups.scrapped(serialNorm, engineNorm ?? serialNorm);
      if (scrapped && !present) refusals.push(`该机具的编号属于 ${scrapped.created_at.slice(0, 10)} 登记报废的农机（机主 ${scrapped.f_name}，${scrapped.item} ${scrapped.model}），报废农机不能作为新机补贴`);
    }

    if (refusals.length) return { result: { ...result, outcome: 'refused', reasons: [...new Set([...refusals, ...attention])] } };
    if (present) return { result: { ...result, outcome: 'present', reasons: [present] } };
    if (!farmer || !idRead?.ok || !date?.ok || !price?.ok || !subsidy?.ok || !status.ok || !serialNorm) {
      return { result: { ...result, outcome: 'refused', reasons: ['本行信息不完整'] } };
    }

    const check = this.catalog.check({
      date: date.value,
      item: raw('item'),
      bandLabel: raw('bandLabel'),
      priceFen: price.value,
      ledgerFen: subsidy.value,
    });
    if (check.flag) attention.push(check.flag);
    result.reasons = attention;
    result.outcome = attention.length ? 'attention' : 'create';
    plan.purchase = {
      farmer,
      item: raw('item'),
      bandLabel: check.band?.bandLabel ?? (raw('bandLabel') || '台账未注明分档'),
      category: check.band?.category ?? '台账导入（未对应目录）',
      catalogBandId: check.band?.id ?? null,
      catalogYear: check.band?.year ?? check.catalogYear ?? Number(date.value.slice(0, 4)),
      maker: raw('maker'),
      productName: raw('productName') || raw('item'),
      model: raw('model'),
      factoryNo: raw('factoryNo'),
      factoryNoNorm: serialNorm,
      engineNo: raw('engineNo') || null,
      invoiceNo: raw('invoiceNo') || NO_INVOICE,
      invoiceDate: invoiceDate?.ok ? invoiceDate.value : date.value,
      priceFen: price.value,
      purchaseDate: date.value,
      subsidyFen: subsidy.value,
      status: status.status,
      ledgerStatus: status.status,
      paidFen,
      catalogFen: check.catalogFen,
      flags: attention,
    };
    return plan;
  }

  /** A farmer first met on this row; refusals when the ledger lacks what a farmer record needs. */
  private newFarmer(
    id: string,
    kind: 'resident' | 'uscc',
    name: string,
    cells: Map<LedgerField, LedgerCell>,
    row: LedgerSheetRow,
    refusals: string[],
    attention: string[],
  ): NewFarmer | null {
    const phoneCell = cells.get('phone');
    const phone = phoneCell && !isBlank(phoneCell) ? readPhone(phoneCell) : null;
    if (!phone) refusals.push('新农户缺少联系电话（登记农户必填）');
    else if (!phone.ok) refusals.push(phone.reason);
    const village = (cells.get('village')?.text ?? '').trim();
    if (!village) refusals.push('新农户缺少村名');
    const townshipText = cells.get('township')?.text ?? '';
    const code = townshipCodeOf(townshipText);
    if (code === null) refusals.push(`乡镇“${townshipText.trim()}”不是冠县的乡镇（街道）`);
    let bankCard: string | null = null;
    const bankCell = cells.get('bankCard');
    if (bankCell && !isBlank(bankCell)) {
      const bank = readBankCard(bankCell);
      if (bank.ok) bankCard = bank.value;
      else attention.push(`${bank.reason}，未导入银行卡号`);
    }
    if (!phone?.ok || !village || code === null) return null;
    return {
      kind: kind === 'resident' ? 'individual' : id.startsWith('93') ? 'cooperative' : 'enterprise',
      name,
      idNumber: id,
      phone: phone.value,
      townshipCode: code ?? this.station.townshipCode,
      village,
      bankCard,
      bankName: (cells.get('bankName')?.text ?? '').trim() || null,
      sheet: row.sheet,
      row: row.number,
      flags: [],
    };
  }
}
