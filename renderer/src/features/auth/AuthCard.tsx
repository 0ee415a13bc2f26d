import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * The centred card every sign-in screen uses (sign-in, lock, recovery, first password). A plain box styled as
 * antd's Card (styles.css .auth-card): Card brings Tabs and Menu along, which the first screen should not parse.
 */
export function AuthCard({ title, subtitle, children, width = 420 }: { title: string; subtitle?: ReactNode; children: ReactNode; width?: number }) {
  return (
    <div className="auth-screen">
      <div className="auth-card" style={{ width }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
        {children}
      </div>
    </div>
  );
}
