import { Alert, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { ROLE_INSTALLATION, ROLE_LABELS, USER_ROLES, type UserRole } from '../../../../shared/api/access';
import { api } from '../../api/client';
import { useSettings } from '../../settings-context';
import { PasswordFields } from '../auth/PasswordFields';
import { useNewPassword } from '../auth/useNewPassword';
import { LimitedInput } from '../../components/LimitedInput';

/** 新增用户: the administrator sets a first password, which the user must change at first sign-in. */
export function UserCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { settings } = useSettings();
  const roles = USER_ROLES.filter((r) => ROLE_INSTALLATION[r] === settings.role);
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<UserRole>(roles[0] ?? 'technician');
  const { fields, error, busy, submit: withPassword } = useNewPassword('新增失败，请重试');

  const submit = () =>
    withPassword(login, async (password) => {
      await api.users.create({ displayName: name.trim(), login: login.trim(), role, password });
      setName('');
      setLogin('');
      onCreated();
    });

  return (
    <Modal
      title="新增用户"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确认新增"
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" component="div">
        <Form.Item label="姓名" required>
          <LimitedInput id="user-name" autoFocus maxLength={20} value={name} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Form.Item label="用户名（登录用）" required>
          <LimitedInput id="user-login" maxLength={32} value={login} onChange={(e) => setLogin(e.target.value)} />
        </Form.Item>
        <Form.Item label="角色" required>
          <Select id="user-role" value={role} onChange={setRole} options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <PasswordFields {...fields} label="初始密码（首次登录时须修改）" idPrefix="user" />
      </Form>
    </Modal>
  );
}
