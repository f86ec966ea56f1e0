import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly logicalCpus: number;
  readonly memoryGiB: number;
  readonly platform: string;
  readonly kernel: string;
  readonly node: string;
}

/** Describes the machine the benchmark ran on, so that figures from other machines are not compared blindly. */
export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    logicalCpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    node: process.version,
  };
}

/**
 * Returns the git revision of the checkout at `root` (`git describe --always --dirty`), so
 * that results name the code they measured. A `-dirty` suffix means uncommitted changes.
 */
export function revisionOf(root: string): string {
  try {
    // Outside a checkout, git's error message would only clutter the output, so it is dropped.
    return execFileSync('git', ['-C', root, 'describe', '--always', '--dirty'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown (not a git checkout)';
  }
}
