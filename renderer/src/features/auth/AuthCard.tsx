import type { ReactNode } from 'react';

/**
 * The centred card every sign-in screen uses (sign-in, lock, recovery, first password). Plain elements styled as
 * antd's Card and Typography (styles.css .auth-card, first-screen.css): the sign-in screen needs no antd.
 */
export function AuthCard({
  title,
  subtitle,
  children,
  width = 420,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  return (
    <div className="auth-screen">
      <div className="auth-card fs-card" style={{ width }}>
        <h3 className="fs-title">{title}</h3>
        {subtitle && <p className="fs-text fs-secondary">{subtitle}</p>}
        {children}
      </div>
    </div>
  );
}
