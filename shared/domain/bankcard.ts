/** Bank card numbers (16-19 digits, Luhn / ISO 7812 check). */

export type BankCardResult = { ok: true; value: string } | { ok: false; reason: string };

/** Luhn check over a string of digits. Returns false for empty or non-digit input. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Validate a bank card number; spaces and hyphens are ignored. value = digits only. */
export function parseBankCard(raw: string): BankCardResult {
  const value = (raw ?? '').replace(/[\s-]/g, '');
  if (!/^\d{16,19}$/.test(value)) {
    return { ok: false, reason: '银行卡号应为16至19位数字' };
  }
  if (!luhnValid(value)) {
    return { ok: false, reason: '银行卡号校验失败，请核对卡号' };
  }
  return { ok: true, value };
}
