import { AppError } from '../../shared/api/errors';
import { maskIdNumber, maskPhone } from '../../shared/domain/mask';
import { townshipName } from '../../shared/domain/townships';
import type { ServiceContext } from '../context';
import { getFarmer } from '../repositories/farmers';
import type { FarmerColumns } from '../repositories/ledger-query';

/** The buyer as an application shows them: name, place, and masked numbers. */
export function farmerSummary(r: FarmerColumns) {
  return {
    id: r.farmer_id,
    name: r.f_name,
    idNumberMasked: maskIdNumber(r.f_id_number),
    phoneMasked: maskPhone(r.f_phone),
    townshipCode: r.f_township_code,
    townshipName: townshipName(r.f_township_code),
    village: r.f_village,
  };
}

/** The summary of one farmer by id, for detail views. */
export function summaryOfFarmer(ctx: ServiceContext, farmerId: string) {
  const f = getFarmer(ctx.db, farmerId);
  if (!f) throw new AppError('INTERNAL', '记录所属的农户不存在');
  return farmerSummary({
    farmer_id: f.id,
    f_name: f.name,
    f_id_number: f.id_number,
    f_phone: f.phone,
    f_township_code: f.township_code,
    f_village: f.village,
  });
}
