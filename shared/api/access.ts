/**
 * Who may call what. Every contract method declares `allow`: either 'public' (callable without signing in:
 * reading whether the PC is set up, first-run setup, sign-in itself) or the list of user roles that may call it.
 * The dispatcher's guard enforces it; the renderer only hides what a role cannot do.
 */
export const USER_ROLES = ['technician', 'stationHead', 'countyAdmin', 'countyClerk'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const ROLE_LABELS: Record<UserRole, string> = {
  technician: '技术员',
  stationHead: '站长',
  countyAdmin: '县局管理员',
  countyClerk: '县局业务员',
};

/** Which kind of installation a role belongs to: station roles exist only at a station, county roles only at the county. */
export const ROLE_INSTALLATION: Record<UserRole, 'station' | 'county'> = {
  technician: 'station',
  stationHead: 'station',
  countyAdmin: 'county',
  countyClerk: 'county',
};

/** The administrator role of each installation kind (the first account created at setup). */
export const ADMIN_ROLE = { station: 'stationHead', county: 'countyAdmin' } as const satisfies Record<'station' | 'county', UserRole>;

export type Access = 'public' | readonly UserRole[];

/** Named role sets for method declarations; use these rather than writing lists inline. */
export const access = {
  /** No sign-in needed. Only for settings.get/setup and auth sign-in/session/recover. */
  public: 'public',
  /** Any signed-in user of either installation. */
  anyone: USER_ROLES,
  /** 技术员 and 站长: the counter's everyday work. */
  station: ['technician', 'stationHead'],
  /** 站长 only: 核验 sign-off, 公示, 兑付, voiding vouchers, users, settings. */
  stationHead: ['stationHead'],
  /** 县局管理员 and 县局业务员: imports, reports, read-only ledgers. */
  county: ['countyAdmin', 'countyClerk'],
  /** 县局管理员 only: users, settings, enrolment of stations, resolving conflicts. */
  countyAdmin: ['countyAdmin'],
  /** Who records data at either installation (drying sites, dryers): not the county's read-only 业务员. */
  recorders: ['technician', 'stationHead', 'countyAdmin'],
  /** The administrator of either installation (站长 / 县局管理员): users, settings, access log. */
  admins: ['stationHead', 'countyAdmin'],
} as const satisfies Record<string, Access>;

export function roleAllowed(allow: Access, role: UserRole | undefined): boolean {
  if (allow === 'public') return true;
  return role !== undefined && allow.includes(role);
}

/** "需要站长或县局管理员权限" — names the roles a refused call needed. */
export function neededRolesText(allow: Access): string {
  if (allow === 'public') return '';
  return `需要${allow.map((r) => ROLE_LABELS[r]).join('或')}权限`;
}
