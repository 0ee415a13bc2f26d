/** Error codes every transport returns; messages are Chinese and shown to the user as-is. */
export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'DB_CORRUPT', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field; `path` follows the input object (e.g. ["idNumber"]). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** Extra machine-readable facts, e.g. the id of the record a CONFLICT collides with. */
  details?: Record<string, unknown>;
}

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '输入有误，请检查标红的项目',
  NOT_FOUND: '记录不存在',
  CONFLICT: '与已有记录冲突',
  FORBIDDEN: '当前操作不被允许',
  DB_CORRUPT: '数据库文件已损坏，请从备份恢复或联系县农业农村局',
  INTERNAL: '系统内部错误，请重试；如仍失败请联系技术人员',
};

/** Thrown by services; the dispatcher turns it into an error Result. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, extra?: { issues?: FieldIssue[]; details?: Record<string, unknown> }) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.issues = extra?.issues;
    this.details = extra?.details;
  }

  /** A VALIDATION error about one field, for rules zod cannot see (e.g. uniqueness shown at a field). */
  static field(code: ErrorCode, path: (string | number)[], message: string, details?: Record<string, unknown>): AppError {
    return new AppError(code, message, { issues: [{ path, message }], details });
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.issues?.length) body.issues = this.issues;
    if (this.details) body.details = this.details;
    return body;
  }
}
