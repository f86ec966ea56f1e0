import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { AUDIT_MESSAGE, createAuditLog, type AuditEntry } from '../../src/graphql/audit.js';
import { createLogger } from '../../src/logging.js';

function captureAuditLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      callback();
    },
  });
  const audit = createAuditLog(createLogger({ destination }));
  return { audit, lines };
}

const ENTRY: AuditEntry = {
  subject: 'alice',
  operation: 'UpdateUser',
  mutation: 'updateUser',
  directoryId: 'd-1234567890',
  objectKind: 'user',
  samAccountName: 'jdoe',
  attributeNames: ['title', 'mail'],
  clientToken: '550e8400-e29b-41d4-a716-446655440000',
  awsRequestIds: ['req-1', 'req-2'],
  outcome: 'succeeded',
  requestId: 'gw-7',
};

describe('createAuditLog', () => {
  it('writes one record with every field', () => {
    const { audit, lines } = captureAuditLog();
    audit.record(ENTRY);

    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(record).toMatchObject({
      level: 30,
      msg: AUDIT_MESSAGE,
      audit: true,
      subject: 'alice',
      operation: 'UpdateUser',
      mutation: 'updateUser',
      directoryId: 'd-1234567890',
      objectKind: 'user',
      samAccountName: 'jdoe',
      attributeNames: ['title', 'mail'],
      clientToken: '550e8400-e29b-41d4-a716-446655440000',
      awsRequestIds: ['req-1', 'req-2'],
      outcome: 'succeeded',
      requestId: 'gw-7',
    });
  });

  it('logs denials at warn with the code', () => {
    const { audit, lines } = captureAuditLog();
    audit.record({ ...ENTRY, outcome: 'denied', errorCode: 'FORBIDDEN', awsRequestIds: [] });

    const record = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(record.level).toBe(40);
    expect(record.outcome).toBe('denied');
    expect(record.errorCode).toBe('FORBIDDEN');
    expect(record.awsRequestIds).toEqual([]);
  });

  it('never writes attribute values', () => {
    const { audit, lines } = captureAuditLog();
    const withValues = {
      ...ENTRY,
      attributes: { title: { S: 'canary-title' } },
      input: { EmailAddress: 'canary@example.com', GivenName: 'canary-given' },
      SearchString: 'canary-search',
    } as AuditEntry;
    audit.record(withValues);

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('canary');
  });
});
