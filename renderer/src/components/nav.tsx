import {
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CarryOutOutlined,
  NotificationOutlined,
  DeleteOutlined,
  FireOutlined,
  ImportOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface NavArea {
  key: string;
  label: string;
  icon: ReactNode;
  /** Route when the area is built; absent means it is coming and shown disabled. */
  path?: string;
  /** Which installations see it. */
  roles?: ('station' | 'county')[];
  /** The label at the county, where the page is a read-only ledger rather than a counter. */
  countyLabel?: string;
}

/** The app's areas in counter order; unbuilt ones stay visible but disabled, never faked. */
export const NAV_AREAS: NavArea[] = [
  { key: 'counter', label: '登记台', icon: <TeamOutlined />, path: '/counter', roles: ['station'] },
  { key: 'todo', label: '待办', icon: <CarryOutOutlined />, path: '/todo', roles: ['station'] },
  { key: 'notices', label: '公示兑付', icon: <NotificationOutlined />, path: '/notices', roles: ['station'] },
  { key: 'scraps', label: '报废登记', icon: <DeleteOutlined />, path: '/scraps', countyLabel: '报废台账' },
  { key: 'purchases', label: '购置登记', icon: <ShoppingCartOutlined />, path: '/purchases', countyLabel: '购置台账' },
  { key: 'catalog', label: '补贴额一览表', icon: <BookOutlined />, path: '/catalog' },
  { key: 'vouchers', label: '补贴凭证', icon: <AuditOutlined />, path: '/vouchers', roles: ['station'] },
  { key: 'verify', label: '凭证核验', icon: <SafetyCertificateOutlined />, path: '/vouchers/verify' },
  { key: 'progress', label: '目标进度', icon: <AimOutlined />, path: '/progress' },
  { key: 'drying', label: '烘干设施', icon: <FireOutlined />, path: '/drying' },
  { key: 'ledger-import', label: '台账导入', icon: <ImportOutlined />, path: '/ledger-import', roles: ['station'] },
  { key: 'county', label: '县级汇总', icon: <BankOutlined />, path: '/county', roles: ['county'] },
  { key: 'settings', label: '设置', icon: <SettingOutlined />, path: '/settings' },
];

/** The menu of an installation: a county opens on 县级汇总 (first), without the counter pages; a station as listed. */
export function navAreasFor(role: 'station' | 'county'): NavArea[] {
  const seen = NAV_AREAS.filter((a) => !a.roles || a.roles.includes(role));
  if (role === 'station') return seen;
  return [...seen.filter((a) => a.key === 'county'), ...seen.filter((a) => a.key !== 'county')].map((a) => ({
    ...a,
    label: a.countyLabel ?? a.label,
  }));
}
