/**
 * The one name for a scrapped machine's frame number across form, ledger, export, voucher and messages.
 * DOMAIN §3: plate-managed machines carry a frame number (机架号), others a nameplate/factory number
 * (出厂编号), recorded in the same field; never 车架号 (a road vehicle's term).
 */
export const FRAME_NO_LABEL = '机架号/出厂编号';
