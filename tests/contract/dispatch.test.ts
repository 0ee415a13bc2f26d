import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { sqliteToAppError } from '../../db/errors';
import { METHODS } from '../../shared/api/contract';
import { dispatch, type Handlers } from '../../shared/api/dispatch';
import { AppError, DEFAULT_MESSAGES } from '../../shared/api/errors';

/** Handlers that fail the test if called, with the ones a test needs swapped in. */
function fakeHandlers(overrides: Partial<Record<keyof Handlers, (input: unknown) => unknown>>): Handlers {
  const all = Object.fromEntries(
    METHODS.map((m) => [
      m,
      () => {
        throw new Error(`unexpected call of ${m}`);
      },
    ]),
  );
  return { ...all, ...overrides } as unknown as Handlers;
}

const STATION_SETTINGS = {
  configured: true,
  dbPath: '/tmp/agri.db',
  stationId: '6f1c2a7e-3d7b-4c55-9a71-5c4f0c1b2d3e',
  role: 'station',
  townshipCode: '371525103',
  townshipName: '柳林镇',
  unitName: '柳林镇农机站',
  operator: '王会计',
  createdAt: '2025-03-01T08:00:00.000Z',
  schemaVersion: 1,
};

describe('dispatch with fake handlers', () => {
  it('a handler throwing a plain Error → INTERNAL with the generic message; onInternalError told', async () => {
    const boom = new Error('SELECT * FROM secret_table failed at /home/user/agri.db');
    const onInternalError = vi.fn();
    const r = await dispatch(fakeHandlers({ 'settings.get': () => { throw boom; } }), 'settings.get', {}, { onInternalError });
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } });
    expect(DEFAULT_MESSAGES.INTERNAL).toBe('系统内部错误，请重试；如仍失败请联系技术人员');
    expect(onInternalError).toHaveBeenCalledExactlyOnceWith('settings.get', boom);
  });

  it('an async handler that rejects, or throws a non-Error, is INTERNAL too', async () => {
    const onInternalError = vi.fn();
    for (const thrown of [new TypeError('x is undefined'), 'a string', null, undefined, 42]) {
      const r = await dispatch(
        fakeHandlers({ 'settings.get': async () => { throw thrown; } }),
        'settings.get',
        {},
        { onInternalError, mapError: sqliteToAppError },
      );
      expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } });
    }
    expect(onInternalError).toHaveBeenCalledTimes(5);
  });

  it('an AppError passes code, message, issues and details through; not logged', async () => {
    const onInternalError = vi.fn();
    const err = new AppError('CONFLICT', '该证件号码已登记：张三', {
      issues: [{ path: ['idNumber'], message: '该证件号码已登记：张三' }],
      details: { existingId: 'abc' },
    });
    const r = await dispatch(fakeHandlers({ 'farmers.search': () => { throw err; } }), 'farmers.search', {}, { onInternalError });
    expect(r).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该证件号码已登记：张三', issues: [{ path: ['idNumber'], message: '该证件号码已登记：张三' }], details: { existingId: 'abc' } },
    });
    expect(onInternalError).not.toHaveBeenCalled();

    const plain = await dispatch(fakeHandlers({ 'farmers.search': () => { throw new AppError('NOT_FOUND'); } }), 'farmers.search', {});
    expect(plain).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: DEFAULT_MESSAGES.NOT_FOUND } });
  });

  it('a ZodError thrown by a handler becomes VALIDATION with its paths', async () => {
    const zerr = z.object({ reason: z.string().min(2, '请填写作废原因') }).safeParse({ reason: '' }).error;
    const r = await dispatch(fakeHandlers({ 'settings.get': () => { throw zerr; } }), 'settings.get', {});
    expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请填写作废原因', issues: [{ path: ['reason'], message: '请填写作废原因' }] } });
  });

  it('output that violates the output schema → INTERNAL, logged', async () => {
    const onInternalError = vi.fn();
    for (const bad of [{ configured: 'yes' }, { ...STATION_SETTINGS, stationId: 'not-a-uuid' }, undefined, null, 'ok']) {
      const r = await dispatch(fakeHandlers({ 'settings.get': () => bad }), 'settings.get', {}, { onInternalError });
      expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } });
    }
    expect(onInternalError).toHaveBeenCalledTimes(5);
    expect(String(onInternalError.mock.calls[0]?.[1])).toContain('does not match the contract');
  });

  it('output is the parsed output: keys outside the schema (e.g. a full ID number) never leave', async () => {
    const item = {
      id: '6f1c2a7e-3d7b-4c55-9a71-5c4f0c1b2d3e',
      kind: 'individual',
      name: '张三',
      idNumberMasked: '371525********0012',
      phoneMasked: '139****5678',
      bankCardMasked: '',
      townshipCode: '371525103',
      townshipName: '柳林镇',
      village: '东柳林村',
      updatedAt: '2025-03-01T08:00:00.000Z',
      voidedAt: null,
    };
    const r = await dispatch(
      fakeHandlers({ 'farmers.search': () => ({ items: [{ ...item, idNumber: '371525196001180012' }], total: 1, page: 1, pageSize: 20 }) }),
      'farmers.search',
      {},
    );
    expect(r).toEqual({ ok: true, data: { items: [item], total: 1, page: 1, pageSize: 20 } });
  });

  it('a SqliteError-like { code: SQLITE_* } is mapped through sqliteToAppError', async () => {
    const onInternalError = vi.fn();
    const cases: [string, string][] = [
      ['SQLITE_CORRUPT', 'DB_CORRUPT'],
      ['SQLITE_CORRUPT_INDEX', 'DB_CORRUPT'],
      ['SQLITE_NOTADB', 'DB_CORRUPT'],
      ['SQLITE_CONSTRAINT_UNIQUE', 'CONFLICT'],
      ['SQLITE_BUSY', 'CONFLICT'],
      ['SQLITE_FULL', 'INTERNAL'],
      ['SQLITE_IOERR_WRITE', 'INTERNAL'],
    ];
    for (const [sqlite, code] of cases) {
      const thrown = Object.assign(new Error('database disk image is malformed'), { code: sqlite });
      const r = await dispatch(fakeHandlers({ 'settings.get': () => { throw thrown; } }), 'settings.get', {}, {
        mapError: sqliteToAppError,
        onInternalError,
      });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code, sqlite).toBe(code);
        expect(r.error.details).toMatchObject({ sqlite });
      }
    }
    // a plain object (not an Error) with the code is mapped the same way
    const r = await dispatch(fakeHandlers({ 'settings.get': () => { throw { code: 'SQLITE_CORRUPT' }; } }), 'settings.get', {}, { mapError: sqliteToAppError });
    expect(r).toEqual({ ok: false, error: { code: 'DB_CORRUPT', message: DEFAULT_MESSAGES.DB_CORRUPT, details: { sqlite: 'SQLITE_CORRUPT' } } });
    // mapped errors are expected failures, not internal ones
    expect(onInternalError).not.toHaveBeenCalled();
    // codes it does not know stay INTERNAL and are logged
    const other = await dispatch(fakeHandlers({ 'settings.get': () => { throw { code: 'SQLITE_MISUSE' }; } }), 'settings.get', {}, { mapError: sqliteToAppError, onInternalError });
    expect(other).toEqual({ ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('without mapError a SQLITE_CORRUPT is INTERNAL', async () => {
    const r = await dispatch(fakeHandlers({ 'settings.get': () => { throw { code: 'SQLITE_CORRUPT' }; } }), 'settings.get', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('hands the handler the parsed input (defaults applied; undefined means {})', async () => {
    const seen: unknown[] = [];
    const handlers = fakeHandlers({
      'farmers.search': (input) => {
        seen.push(input);
        return { items: [], total: 0, page: 1, pageSize: 20 };
      },
    });
    expectOkResult(await dispatch(handlers, 'farmers.search', undefined));
    expectOkResult(await dispatch(handlers, 'farmers.search', { q: '  zs  ' }));
    expect(seen).toEqual([
      { q: '', includeVoided: false, page: 1, pageSize: 20 },
      { q: 'zs', includeVoided: false, page: 1, pageSize: 20 },
    ]);
  });

  it('invalid input never reaches the handler', async () => {
    const handler = vi.fn();
    const r = await dispatch(fakeHandlers({ 'farmers.get': handler }), 'farmers.get', { id: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['id'] }] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('a guard that throws FORBIDDEN stops the call before the handler', async () => {
    const handler = vi.fn();
    const r = await dispatch(fakeHandlers({ 'farmers.search': handler }), 'farmers.search', {}, {
      guard: () => {
        throw new AppError('FORBIDDEN', '本机尚未完成初始设置');
      },
    });
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '本机尚未完成初始设置' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('unknown methods are NOT_FOUND and never reach a handler or the guard', async () => {
    const guard = vi.fn();
    for (const m of ['farmers.drop', '__proto__', 'constructor', 'valueOf']) {
      const r = await dispatch(fakeHandlers({}), m, {}, { guard });
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(guard).not.toHaveBeenCalled();
  });
});

function expectOkResult(r: { ok: boolean }) {
  expect(r.ok).toBe(true);
}
