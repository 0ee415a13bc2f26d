import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { ROLE_LABELS } from '../../../shared/api/access';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { isDesktop } from '../api/transport';
import { preloadPage } from '../routes';
import { useSession } from '../session-context';
import { useSettings } from '../settings-context';
import { NAV_AREAS, navAreasFor } from './nav';

const { Sider, Header, Content } = Layout;

export function AppShell({ children }: { children: ReactNode }) {
  const { settings } = useSettings();
  const { user, lock, signOut } = useSession();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(() => typeof window !== 'undefined' && window.innerWidth < 1200);
  const location = useLocation();
  // the longest matching path wins: /vouchers/verify is 凭证核验, not 补贴凭证
  const matches = NAV_AREAS.filter((a) => a.path && location.pathname.startsWith(a.path));
  const selected =
    matches.sort((a, b) => (b.path?.length ?? 0) - (a.path?.length ?? 0))[0]?.key ?? (location.pathname.startsWith('/farmers') ? 'counter' : '');

  const items = navAreasFor(settings.role).map((a) => ({
    key: a.key,
    icon: a.icon,
    disabled: !a.path,
    onMouseEnter: () => preloadPage(a.path),
    label: a.path ? (
      a.label
    ) : (
      <Tooltip title="该功能正在开发，尚未开放" placement="right">
        <span>
          {a.label} <Tag style={{ marginInlineStart: 4 }}>待开发</Tag>
        </span>
      </Tooltip>
    ),
  }));

  return (
    <Layout style={{ minHeight: '100%' }}>
      {/* below ~1200 px (a 1024×768 screen) the menu shrinks to its icons, each named in a tooltip */}
      <Sider
        width={196}
        collapsedWidth={64}
        breakpoint="xl"
        collapsed={collapsed}
        onBreakpoint={setCollapsed}
        theme="light"
        style={{ borderRight: '1px solid #e5e7eb' }}
        data-testid="app-sider"
        data-collapsed={collapsed ? 'true' : 'false'}
      >
        {collapsed ? (
          <div style={{ padding: '18px 0 12px', textAlign: 'center', color: '#1f6f43', fontWeight: 600 }} title="农机更新补贴台账">
            农机
          </div>
        ) : (
          <div style={{ padding: '18px 16px 12px' }}>
            <Typography.Title level={5} style={{ margin: 0, color: '#1f6f43' }}>
              农机更新补贴台账
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              冠县 · 农机报废更新与购置补贴
            </Typography.Text>
          </div>
        )}
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={items}
          onClick={({ key }) => {
            const area = NAV_AREAS.find((a) => a.key === key);
            if (area?.path) navigate(area.path);
          }}
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', borderBottom: '1px solid #e5e7eb', height: 52, lineHeight: '52px', padding: '0 24px' }}>
          <Space size="large">
            <Typography.Text strong data-testid="unit-name">
              {settings.unitName}
            </Typography.Text>
            {!isDesktop && <Tag color="blue">浏览器模式</Tag>}
          </Space>
          <Space style={{ float: 'right' }}>
            <Typography.Text data-testid="signed-in-user">
              <UserOutlined /> {user.displayName}（{ROLE_LABELS[user.role]}）
            </Typography.Text>
            <Tooltip title="离开座位时锁定屏幕，输入密码即可回到当前页面">
              <Button size="small" icon={<LockOutlined />} onClick={() => void lock()}>
                锁屏
              </Button>
            </Tooltip>
            <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut()}>
              退出登录
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: collapsed ? 16 : 24, minWidth: 0 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
