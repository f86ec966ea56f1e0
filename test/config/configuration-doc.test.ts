import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIGURATION_DOC_PATH, renderConfigurationDoc } from '../../scripts/config-docs.js';

describe('docs/configuration.md', () => {
  it('matches the variables the code reads', () => {
    // On failure, run `npm run docs:config` and commit the page.
    expect(readFileSync(CONFIGURATION_DOC_PATH, 'utf8')).toBe(renderConfigurationDoc());
  });
});
