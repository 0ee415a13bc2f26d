import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ROLE_INSTALLATION, ROLE_LABELS, USER_ROLES, type UserRole } from '../../../../shared/api/access';
import type { User } from '../../../../shared/schemas/auth';
import { api, ApiError } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useSession } from '../../session-context';
import { useSettings } from '../../settings-context';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserCreateModal } from './UserCreateModal';

/** 用户管理 (站长 / 县局管理员): list, add, disable, reset password, change role. */
export function UsersPanel() {
  const { settings } = useSettings();
  const { user: me } = useSession();
  const { message } = App.useApp();
  const users = useApiQuery('users', () => api.users.list({}));
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const roles = USER_ROLES.filter((r) => ROLE_INSTALLATION[r] === settings.role);

  const update = async (input: { id: string; role?: UserRole; disabled?: boolean }, done: string) => {
    try {
      await api.users.update(input);
      void message.success(done);
      users.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };

  return (
    <Card title="用户管理" extra={<Button onClick={() => setCreating(true)}>新增用户</Button>} data-testid="users-panel">
      <Table<User>
        rowKey="id"
        size="small"
        pagination={false}
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        scroll={{ x: 760 }}
        columns={[
          { title: '姓名', dataIndex: 'displayName', width: 110 },
          { title: '用户名', dataIndex: 'login', width: 120 },
          {
            title: '角色',
            width: 140,
            render: (_, u) => (
              <Select
                size="small"
                value={u.role}
                style={{ width: 120 }}
                aria-label={`${u.displayName}的角色`}
                onChange={(role) => void update({ id: u.id, role }, '角色已更改')}
                options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              />
            ),
          },
          {
            title: '状态',
            width: 150,
            render: (_, u) => (
              <Space size={4} wrap>
                {u.disabled ? <Tag>已停用</Tag> : <Tag color="green">在用</Tag>}
                {u.mustChangePassword && <Tag color="orange">待改密码</Tag>}
                {u.lockedUntil && u.lockedUntil > new Date().toISOString() && <Tag color="red">已锁定</Tag>}
              </Space>
            ),
          },
          { title: '最近登录', width: 140, render: (_, u) => (u.lastSignInAt ? chinaDateTime(u.lastSignInAt) : '—') },
          {
            title: '操作',
            width: 180,
            render: (_, u) => (
              <Space size={4}>
                <Button size="small" onClick={() => setResetting(u)}>
                  重置密码
                </Button>
                {u.id !== me.id && (
                  <Button
                    size="small"
                    danger={!u.disabled}
                    onClick={() => void update({ id: u.id, disabled: !u.disabled }, u.disabled ? '已启用' : '已停用')}
                  >
                    {u.disabled ? '启用' : '停用'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void message.success('已新增用户，请告知其初始密码；首次登录时须修改');
          users.reload();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          void message.success('密码已重置');
          users.reload();
        }}
      />
    </Card>
  );
}
