/** The shape of `bench/results/latest.json` and its rendering as `docs/benchmarks.md`. */
import type { MachineInfo } from './machine.js';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

export interface Section {
  readonly title: string;
  /** Measurement method, in a few sentences. */
  readonly method: string;
  readonly figures: readonly Figure[];
  readonly targets: readonly TargetCheck[];
  /** An optional table, first row the header. */
  readonly table?: readonly (readonly string[])[];
}

export interface BenchResults {
  readonly command: string;
  readonly date: string;
  /** Git revision of the measured code when the run started. */
  readonly revision: string;
  readonly machine: MachineInfo;
  readonly nodeVersion: string;
  /** 1, 5 and 15 minute load averages of the machine when the run started and ended. */
  readonly loadAverage: { readonly start: readonly number[]; readonly end: readonly number[] };
  readonly durationSeconds: number;
  readonly sections: readonly Section[];
}

/** Renders the results as the Markdown page `docs/benchmarks.md`. */
export function renderMarkdown(results: BenchResults): string {
  const lines: string[] = [
    '# Benchmarks',
    '',
    'Latest figures of `npm run bench`, which writes them to `bench/results/latest.json` and',
    'rewrites this page. Every server under test runs in its own process on 127.0.0.1 and the',
    'emulator in another, so the figures hold for this machine only: compare ratios, not',
    'absolute numbers, across machines.',
    '',
    `- Date: ${results.date}`,
    `- Code: \`${results.revision}\` (\`git describe --always --dirty\` when the run started)`,
    `- Command: \`${results.command}\` (${Math.round(results.durationSeconds)} s)`,
    `- Machine: ${results.machine.cpuModel}, ${results.machine.logicalCpus} logical CPUs, ` +
      `${results.machine.memoryGiB} GiB, ${results.machine.platform}, kernel ${results.machine.kernel}`,
    `- Node: ${results.nodeVersion}`,
    `- Load average (1, 5, 15 min): ${results.loadAverage.start.join(', ')} at the start, ${results.loadAverage.end.join(', ')} at the end. ` +
      'Figures taken while other work loads the machine are noisy, CPU per request least so.',
    '',
    '## Targets',
    '',
    '| area | target | measured | met |',
    '|---|---|---|---|',
  ];
  for (const section of results.sections) {
    for (const check of section.targets) {
      lines.push(`| ${cell(section.title)} | ${cell(check.target)} | ${cell(check.measured)} | ${check.met ? 'yes' : '**no**'} |`);
    }
  }

  for (const section of results.sections) {
    lines.push('', `## ${section.title}`, '', section.method, '');
    if (section.table && section.table.length > 0) {
      const [header, ...rows] = section.table;
      lines.push(`| ${(header ?? []).join(' | ')} |`, `|${(header ?? []).map(() => '---').join('|')}|`);
      for (const row of rows) {
        lines.push(`| ${row.map(cell).join(' | ')} |`);
      }
      lines.push('');
    }
    lines.push('| figure | value | unit |', '|---|---|---|');
    for (const figure of section.figures) {
      lines.push(`| ${cell(figure.name)} | ${figure.value} | ${cell(figure.unit)} |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** Escapes the pipes in a table cell, such as the ones of `|slope|`, which would end the cell. */
function cell(text: string | number): string {
  return String(text).replaceAll('|', '\\|');
}
