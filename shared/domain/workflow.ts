/** Review stages of a subsidy application (DOMAIN.md §4): 已登记 → 已受理 → 已核验 → 已公示 → 已兑付, or 退回 / 作废. */
export const STATUSES = ['registered', 'accepted', 'verified', 'published', 'paid', 'returned', 'voided'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  registered: '已登记',
  accepted: '已受理',
  verified: '已核验',
  published: '已公示',
  paid: '已兑付',
  returned: '已退回',
  voided: '已作废',
};

/** The verb a technician clicks to reach a status. */
export const ACTION_LABELS: Record<Status, string> = {
  registered: '重新提交',
  accepted: '受理',
  verified: '核验通过',
  published: '公示',
  paid: '兑付',
  returned: '退回',
  voided: '作废',
};

const NEXT: Record<Status, readonly Status[]> = {
  registered: ['accepted', 'returned', 'voided'],
  accepted: ['verified', 'returned', 'voided'],
  verified: ['published', 'returned', 'voided'],
  // an objection during the public notice sends it back to 核验 (accepted) or returns it
  published: ['paid', 'accepted', 'returned', 'voided'],
  paid: [],
  returned: ['registered', 'voided'],
  voided: [],
};

export function allowedNext(from: Status): readonly Status[] {
  return NEXT[from];
}

export function canTransition(from: Status, to: Status): boolean {
  return NEXT[from].includes(to);
}

/**
 * Moves that have their own door, with the facts they need: 公示 publishes a notice batch (notices.create),
 * 兑付 records the payment (applications.pay), and a published application goes back to 核验 only by
 * resolving an objection (applications.objection). Everything else goes through applications.transition.
 */
export type Door = 'notice' | 'pay' | 'objection' | 'transition';
export function doorFor(from: Status, to: Status): Door {
  if (to === 'published') return 'notice';
  if (to === 'paid') return 'pay';
  if (from === 'published' && to === 'accepted') return 'objection';
  return 'transition';
}

/** Moves that need a reason in words. */
export function needsReason(to: Status): boolean {
  return to === 'returned' || to === 'voided';
}

/**
 * Working days the next step may take from entering a status (受理 2, 核验 13, 公示 5, 兑付 15).
 * Published items wait out the 5-day notice and then have 15 days to be paid.
 */
export const DEADLINE_WORKDAYS: Partial<Record<Status, { days: number; step: string }>> = {
  registered: { days: 2, step: '受理' },
  accepted: { days: 13, step: '核验' },
  verified: { days: 5, step: '公示' },
  published: { days: 20, step: '兑付' },
};

/** Stages that count as "done and valid" for progress and vouchers: verified or later, not voided. */
export const COUNTED_STATUSES: readonly Status[] = ['verified', 'published', 'paid'];

/** The on-site checks of 核验 (见人、见机、见票、见铭牌); scrap-only applications check the form and photos instead of invoice and nameplate. */
export const CHECKS = {
  purchase: [
    { key: 'person', label: '见人（核对购机者身份）' },
    { key: 'machine', label: '见机（核对实物）' },
    { key: 'invoice', label: '见票（核对发票）' },
    { key: 'nameplate', label: '见铭牌（出厂编号、发动机号一致）' },
  ],
  scrap: [
    { key: 'person', label: '见人（核对机主身份）' },
    { key: 'machine', label: '见机（核对号牌、铭牌）' },
    { key: 'form', label: '见确认表（回收拆解确认表已签章）' },
    { key: 'photos', label: '见照片（拆解前、中、后照片齐全）' },
  ],
} as const;
export type ApplicationKind = keyof typeof CHECKS;
