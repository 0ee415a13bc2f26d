/**
 * Password rules for operator accounts: at least 8 characters, not the login name, and not all of one
 * character class (digits / letters / other). Returns the reason in Chinese, or null when acceptable.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

function classes(password: string): number {
  let n = 0;
  if (/\d/.test(password)) n++;
  if (/[A-Za-z]/.test(password)) n++;
  if (/[^A-Za-z\d]/.test(password)) n++;
  return n;
}

export function passwordProblem(password: string, login: string): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少${PASSWORD_MIN}位`;
  if (password.length > PASSWORD_MAX) return `密码不超过${PASSWORD_MAX}位`;
  if (login && password.toLowerCase().includes(login.trim().toLowerCase())) return '密码不能包含用户名';
  if (classes(password) < 2) return '密码须包含数字、字母、符号中至少两类';
  return null;
}
