import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { JobRegistry } from '../../db/jobs/registry';

describe('long-work jobs', () => {
  it('reports progress while running and the result when done', async () => {
    const jobs = new JobRegistry();
    const seen: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const started = jobs.start('test.count', async (job) => {
      for (let i = 1; i <= 3; i++) {
        job.progress(i, 3, '正在计数');
        await job.tick();
      }
      await gate;
      return { counted: 3 };
    });
    expect(started.state).toBe('running');
    // the job stops at the gate after its three steps: wait for it to get there
    while (jobs.get(started.id).done < 3) await new Promise((r) => setTimeout(r, 5));
    const mid = jobs.get(started.id);
    seen.push(mid.done);
    expect(mid).toMatchObject({ state: 'running', done: 3, total: 3, phase: '正在计数' });
    release();
    const end = await jobs.wait(started.id);
    expect(end).toMatchObject({ state: 'done', result: { counted: 3 } });
    expect(end.finishedAt).toBeDefined();
    expect(seen).toEqual([3]);
  });

  it('cancel stops the work at its next tick and says so', async () => {
    const jobs = new JobRegistry();
    let steps = 0;
    const started = jobs.start('test.forever', async (job) => {
      for (;;) {
        steps++;
        await job.tick();
      }
    });
    await new Promise((r) => setTimeout(r, 5));
    jobs.cancel(started.id);
    const end = await jobs.wait(started.id);
    expect(end.state).toBe('cancelled');
    expect(end.error?.message).toContain('已取消');
    const after = steps;
    await new Promise((r) => setTimeout(r, 10));
    expect(steps).toBe(after);
  });

  it('a failure keeps its Chinese message; an unexpected error is not leaked', async () => {
    const jobs = new JobRegistry();
    const a = jobs.start('test.fail', () => {
      throw new AppError('VALIDATION', '第3行：日期不正确');
    });
    expect((await jobs.wait(a.id)).error).toEqual({ code: 'VALIDATION', message: '第3行：日期不正确' });
    const original = console.error;
    console.error = () => undefined;
    try {
      const b = jobs.start('test.crash', () => {
        throw new Error('ENOENT /secret/path');
      });
      const end = await jobs.wait(b.id);
      expect(end.state).toBe('failed');
      expect(end.error?.message).not.toContain('secret');
    } finally {
      console.error = original;
    }
  });

  it('an unknown job id is NOT_FOUND', () => {
    expect(() => new JobRegistry().get('nope')).toThrow('该任务不存在');
  });
});
