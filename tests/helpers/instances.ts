import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import type { PasswordlessUserConfig } from '../../packages/strapi-passwordless-login/src/server/config/types';

export interface Instance {
  port: number;
  http: () => ReturnType<typeof request>;
  settle: () => Promise<void>;
  /** Ticks or unticks an action for Public on this instance (query engine, or SQL by hand with bySql). */
  setPublicPermission: (change: { action: string; enabled: boolean; bySql?: boolean }) => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts a Strapi in a child process with the given environment; resolves once it listens. */
export function startInstance(
  env: Record<string, string>,
  boot: { passwordless?: PasswordlessUserConfig; proxy?: boolean }
): Promise<Instance> {
  const child: ChildProcess = fork(path.join(__dirname, 'instance-process.js'), [], {
    env: { ...process.env, ...env, BOOT_OPTIONS: JSON.stringify(boot) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  /** Sends one IPC message and resolves on the child's reply of `replyType` to it. */
  const ask = (type: string, replyType: string, payload: Record<string, unknown> = {}) =>
    new Promise<void>((done) => {
      const id = (nextId += 1);
      const onMessage = (reply: { type: string; id: number }) => {
        if (reply.type === replyType && reply.id === id) {
          child.off('message', onMessage);
          done();
        }
      };
      child.on('message', onMessage);
      child.send({ type, id, ...payload });
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`instance exited with ${code} before it was ready`)));
    child.on('message', (message: { type: string; port?: number }) => {
      if (message.type !== 'ready') return;
      const port = message.port!;
      resolve({
        port,
        http: () => request(`http://127.0.0.1:${port}`),
        settle: () => ask('settle', 'settled'),
        setPublicPermission: (change) => ask('permission', 'permission-set', change),
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.send({ type: 'stop' });
          }),
      });
    });
  });
}
