// A Web Test Runner plugin: the servers of the handoff's browser tests (scripts/handoff-stack.ts), started
// in a child process the first time a test asks for them (`executeServerCommand('handoff-stack')`), and
// stopped by its pid when the run ends. Runs that do not test the handoff start nothing.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export function handoffStackPlugin() {
  let origins = [];
  let child = null;
  let urls = null;

  const start = () => {
    urls ??= new Promise((resolve, reject) => {
      child = spawn(process.execPath, ['--import', 'tsx', 'scripts/handoff-stack.ts', origins.join(',')], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.once('exit', (code) => reject(new Error(`scripts/handoff-stack.ts exited with ${code}`)));
      createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    });
    return urls;
  };

  return {
    name: 'handoff-stack',
    serverStart({ config }) {
      origins = [`http://${config.hostname ?? 'localhost'}:${config.port}`, `http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`];
    },
    async serverStop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
    executeCommand({ command }) {
      return command === 'handoff-stack' ? start() : undefined;
    },
  };
}
