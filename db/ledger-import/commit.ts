/**
 * Writing a classified ledger in one transaction: farmers (one per ID number), purchases with the
 * ledger's status and amounts, where each came from (ledger_records: file, sheet, row), an audit row
 * for each, the import batch with every row not imported, and the column mapping remembered.
 */
import { AppError } from '../../shared/api/errors';
import { normalizeMachineNo } from '../../shared/domain/machine-ids';
import type { LedgerMapping } from '../../shared/schemas/ledger-import';
import { isoNow, writeTx, type ServiceContext } from '../context';
import * as farmersRepo from '../repositories/farmers';
import * as purchasesRepo from '../repositories/purchases';
import * as scrapsRepo from '../repositories/scraps';
import { scrapRow } from './commit-scrap';
import { writeAudit } from '../services/audit';
import { derivedColumns, toFarmer } from '../services/farmers';
import { requireInstallation } from '../services/installation';
import type { PurchasePlan } from './classify';
import type { ScrapPlan } from './classify-scrap';
import { rememberMapping, type ColumnPlan } from './fields';
import * as repo from './repository';
import type { LedgerStage } from './stage';
import { withStatementCache } from './statement-cache';

export const SOURCE_LABEL = '来源：历史台账导入';

export interface CommitOutcome {
  importId: string;
  farmersAdded: number;
  purchasesAdded: number;
  scrapsAdded: number;
}

const sourceNote = (fileName: string, sheet: string, row: number) => {
  const note = `${SOURCE_LABEL}（${fileName}，${sheet}，第 ${row} 行）`;
  return note.length <= 200 ? note : `${SOURCE_LABEL}（${sheet}，第 ${row} 行）`.slice(0, 200);
};

/**
 * The staged rows are read back a chunk at a time (scraps first, then purchases, in file order) inside the
 * one transaction: the heap holds a chunk, never the file.
 */
export function writeImport(
  outer: ServiceContext,
  pass: { stage: LedgerStage; columns: ColumnPlan[]; sha256: string; fileName: string; sheets: string[]; mapping: LedgerMapping },
  includeAttention: boolean,
): CommitOutcome {
  const { stage } = pass;
  const ctx: ServiceContext = { ...outer, db: withStatementCache(outer.db) };
  return writeTx(outer, () => {
    const installation = requireInstallation(ctx);
    const at = isoNow(ctx);
    const importId = ctx.newId();
    const insertRecord = repo.insertRecordStatement(ctx.db);
    const record = (entity: repo.LedgerRecordRow['entity'], entityId: string, sheet: string, row: number, extra: Partial<repo.LedgerRecordRow> = {}) =>
      insertRecord({
        id: ctx.newId(),
        station_id: installation.station_id,
        import_id: importId,
        entity,
        entity_id: entityId,
        file_name: pass.fileName.slice(0, 200),
        sheet: sheet.slice(0, 100) || '-',
        row_number: row,
        ledger_status: null,
        paid_fen: null,
        ledger_subsidy_fen: null,
        catalog_fen: null,
        flags_json: null,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
        ...extra,
      });

    const farmerIdFor = (f: PurchasePlan['farmer']): string => {
      if ('existingId' in f) return f.existingId;
      const n = stage.newFarmer(f.created);
      if (!n) throw new Error(`staged farmer missing for a row of ${pass.fileName}`);
      if (n.id) return n.id;
      if (farmersRepo.findLiveByIdNumber(ctx.db, installation.station_id, n.idNumber)) {
        throw new AppError('CONFLICT', `预览之后，身份证号 ${n.idNumber.slice(0, 6)}… 的农户已被登记，请重新预览后再导入`);
      }
      n.id = ctx.newId();
      const row: farmersRepo.FarmerRow = {
        id: n.id,
        station_id: installation.station_id,
        ...derivedColumns({
          kind: n.kind,
          name: n.name,
          idNumber: n.idNumber,
          phone: n.phone,
          bankCard: n.bankCard ?? undefined,
          bankName: n.bankName ?? undefined,
          townshipCode: n.townshipCode,
          village: n.village,
        } as Parameters<typeof derivedColumns>[0]),
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      };
      farmersRepo.insertFarmer(ctx.db, row);
      stage.setFarmerId(n.idNumber, n.id);
      record('farmer', n.id, n.sheet, n.row);
      writeAudit(ctx, installation, { method: 'ledgerImports.commit', entity: 'farmer', entityId: n.id, before: null, after: toFarmer(row) });
      farmersAdded++;
      return n.id;
    };

    let farmersAdded = 0;
    let purchasesAdded = 0;
    let scrapsAdded = 0;
    for (const chunk of stage.made('scrap', includeAttention)) {
      for (const { result, made } of chunk) {
        const s = made.plan as ScrapPlan;
        const row = scrapRow(ctx, s, { stationId: installation.station_id, farmerId: farmerIdFor(s.farmer), at });
        scrapsRepo.insertScrap(ctx.db, row);
        record('scrap', row.id, result.sheet, result.row, {
          ledger_status: s.status,
          paid_fen: s.paidFen,
          ledger_subsidy_fen: s.subsidyFen,
          catalog_fen: s.catalogFen,
          flags_json: s.flags.length ? JSON.stringify(s.flags).slice(0, 4000) : null,
        });
        writeAudit(ctx, installation, { method: 'ledgerImports.commit', entity: 'scrap', entityId: row.id, before: null, after: row });
        scrapsAdded++;
      }
    }
    for (const chunk of stage.made('purchase', includeAttention)) {
      for (const { result, made } of chunk) {
        const p = made.plan as PurchasePlan;
        const plan = { result };
        if (purchasesRepo.findPurchasesBySerial(ctx.db, p.factoryNoNorm).length) {
          throw new AppError('CONFLICT', `预览之后，出厂编号 ${p.factoryNo} 已被登记，请重新预览后再导入`);
        }
        const id = ctx.newId();
        const row: purchasesRepo.PurchaseRow = {
          id,
          station_id: installation.station_id,
          farmer_id: farmerIdFor(p.farmer),
          catalog_band_id: p.catalogBandId,
          catalog_year: p.catalogYear,
          category: p.category,
          item: p.item,
          band_label: p.bandLabel,
          variant: null,
          param_value: null,
          maker: p.maker,
          product_name: p.productName,
          model: p.model,
          model_norm: normalizeMachineNo(p.model) ?? '',
          factory_no: p.factoryNo,
          factory_no_norm: p.factoryNoNorm,
          engine_no: p.engineNo,
          engine_no_norm: normalizeMachineNo(p.engineNo),
          qr_code: null,
          invoice_no: p.invoiceNo,
          invoice_date: p.invoiceDate,
          price_fen: p.priceFen,
          dealer_id: null,
          purchase_date: p.purchaseDate,
          terminal_kind: 'none',
          terminal_id: null,
          scrap_id: null,
          purchase_fen: p.subsidyFen,
          scrap_part_fen: 0,
          total_fen: p.subsidyFen,
          subsidy_note: sourceNote(pass.fileName, plan.result.sheet, plan.result.row),
          overrides_json: null,
          status: p.status,
          status_at: at,
          return_reason: p.status === 'returned' ? '台账记载为退回' : null,
          created_at: at,
          updated_at: at,
          voided_at: null,
          void_reason: null,
        };
        purchasesRepo.insertPurchase(ctx.db, row);
        record('purchase', id, plan.result.sheet, plan.result.row, {
          ledger_status: p.ledgerStatus,
          paid_fen: p.paidFen,
          ledger_subsidy_fen: p.subsidyFen,
          catalog_fen: p.catalogFen,
          flags_json: p.flags.length ? JSON.stringify(p.flags).slice(0, 4000) : null,
        });
        writeAudit(ctx, installation, { method: 'ledgerImports.commit', entity: 'purchase', entityId: id, before: null, after: row });
        purchasesAdded++;
      }
    }

    const totals = stage.totals();
    const batch: repo.LedgerImportRow = {
      id: importId,
      station_id: installation.station_id,
      file_name: pass.fileName,
      sha256: pass.sha256,
      sheets_json: JSON.stringify(pass.sheets),
      mapping_json: JSON.stringify(pass.mapping),
      operator: installation.operator,
      farmers_added: farmersAdded,
      purchases_added: purchasesAdded,
      scraps_added: scrapsAdded,
      present: totals.present,
      attention: totals.attention,
      refused: totals.refused,
      skipped: totals.skipped,
      // filled from the stage by SQLite (the list never passes through the heap whole)
      rows_json: '[]',
      created_at: at,
      updated_at: at,
      undone_at: null,
      undo_reason: null,
    };
    repo.insertImport(ctx.db, batch);
    stage.writeNotImported(importId, includeAttention);
    rememberMapping(ctx, pass.columns);
    const { rows_json: _rows, ...summary } = batch;
    writeAudit(ctx, installation, { method: 'ledgerImports.commit', entity: 'ledger_import', entityId: importId, before: null, after: summary });
    return { importId, farmersAdded, purchasesAdded, scrapsAdded };
  });
}
