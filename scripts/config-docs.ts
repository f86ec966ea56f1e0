/**
 * Writes docs/configuration.md from the variable lists of src/config/, so the reference
 * cannot drift from the code: `npm run docs:config` rewrites it, and a test fails when the
 * committed page differs from what this script renders.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BROWSER_CONFIG_VARIABLES } from '../src/config/browser.js';
import { GATEWAY_CONFIG_VARIABLES } from '../src/config/index.js';
import { SCHEDULER_CONFIG_VARIABLES } from '../src/config/scheduler.js';
import { SECURITY_CONFIG_VARIABLES } from '../src/config/security.js';

interface DocumentedVariable {
  readonly name: string;
  readonly description: string;
  readonly defaultValue?: string;
  readonly default?: string;
}

export const CONFIGURATION_DOC_PATH = fileURLToPath(new URL('../docs/configuration.md', import.meta.url));

function section(title: string, intro: string, variables: readonly DocumentedVariable[]): string {
  const rows = variables.map((variable) => {
    const fallback = variable.defaultValue ?? variable.default ?? '';
    return `| \`${variable.name}\` | ${fallback.replace(/\|/g, '\\|')} | ${variable.description.replace(/\|/g, '\\|')} |`;
  });
  return [`## ${title}`, '', intro, '', '| variable | default | what it sets |', '|---|---|---|', ...rows, ''].join('\n');
}

export function renderConfigurationDoc(): string {
  return [
    '# Configuration',
    '',
    'The gateway reads environment variables once at start-up and refuses to start when one is invalid, printing',
    'every problem with the variable, the rejected value and the fix. Nothing else in the gateway reads the',
    'environment; in AWS mode the AWS SDK credential and region providers read the standard AWS variables',
    '(`AWS_PROFILE`, `AWS_ACCESS_KEY_ID`, ...) as they always do. Local mode never consults them.',
    '',
    'This page is generated from `src/config/` by `npm run docs:config`.',
    '',
    section(
      'Gateway and upstream',
      'Local mode (the default) serves the demo directory from an emulator inside the process. Setting `AWS_REGION` with `DS_DATA_DIRECTORY_ID`, or `DS_DATA_ENDPOINT`, selects AWS mode.',
      GATEWAY_CONFIG_VARIABLES,
    ),
    section(
      'Quota scheduler',
      'The scheduler queues AWS calls so that each directory stays inside its documented request quota.',
      SCHEDULER_CONFIG_VARIABLES,
    ),
    section(
      'Security and operations',
      'Authentication, authorization, abuse limits, rate limit, shutdown and tracing.',
      SECURITY_CONFIG_VARIABLES,
    ),
    section('Browsers', 'CORS, the landing page, the offline explorer and introspection.', BROWSER_CONFIG_VARIABLES),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(CONFIGURATION_DOC_PATH, renderConfigurationDoc());
  process.stdout.write(`Wrote ${CONFIGURATION_DOC_PATH}\n`);
}
