// End to end on the Node entry: an accepted report survives a restart with the same DATA_DIR.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, type Running, startNode } from './helpers/server.ts';

const token = 'restart-token';
const report = {
  id: 'lao-cai-2024',
  title: 'Lào Cai: kết quả giảm nghèo năm 2024',
  text: 'Lào Cai: kết quả giảm nghèo năm 2024\n\nĐến cuối năm 2024, toàn tỉnh Lào Cai còn 12.345 hộ nghèo, chiếm tỷ lệ 6,78%.',
};

let running: Running | undefined;
afterEach(async () => {
  await running?.stop('SIGKILL');
  running = undefined;
});

describe('the Node server', () => {
  it('serves a posted report unchanged after a restart with the same DATA_DIR', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vnqa-restart-'));
    const port = await freePort();
    running = await startNode({ DATA_DIR: dataDir, ADMIN_TOKEN: token }, port);
    const post = await fetch(`${running.base}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(report),
    });
    expect(post.status).toBe(201);
    const before = await (await fetch(`${running.base}/api/reports/${report.id}`)).json();
    await running.stop('SIGKILL');

    running = await startNode({ DATA_DIR: dataDir, ADMIN_TOKEN: token }, port);
    const res = await fetch(`${running.base}/api/reports/${report.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(before);
  });

  it('changes nothing when the same post comes without the token', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vnqa-restart-'));
    const port = await freePort();
    running = await startNode({ DATA_DIR: dataDir, ADMIN_TOKEN: token }, port);
    const post = await fetch(`${running.base}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    });
    expect(post.status).toBe(401);
    await running.stop('SIGKILL');
    running = await startNode({ DATA_DIR: dataDir, ADMIN_TOKEN: token }, port);
    expect((await fetch(`${running.base}/api/reports/${report.id}`)).status).toBe(404);
    expect((await (await fetch(`${running.base}/healthz`)).json()).reports).toBe(5);
  });
});
