import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import { DEFAULT_PROTECTED_GROUPS, DEFAULT_PROTECTED_USERS, DEFAULT_WRITABLE_ATTRIBUTES, type Role } from '../../src/config/security.js';
import { createAuthorizationPolicy, ldapNameOfMember } from '../../src/graphql/authorization.js';

const DEFAULT_DIRECTORY = 'd-1234567890';

const policy = createAuthorizationPolicy({
  defaultDirectoryId: DEFAULT_DIRECTORY,
  config: {
    allowedDirectoryIds: ['d-abcdef0123'],
    writableAttributes: { read: [], write: DEFAULT_WRITABLE_ATTRIBUTES, admin: [...DEFAULT_WRITABLE_ATTRIBUTES, 'servicePrincipalName'] },
    protectedUsers: DEFAULT_PROTECTED_USERS,
    protectedGroups: DEFAULT_PROTECTED_GROUPS,
  },
});

function principal(...roles: Role[]) {
  return { subject: 'alice', roles: new Set(roles) };
}

function denial(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected a denial');
}

describe('createAuthorizationPolicy', () => {
  describe('roles', () => {
    it('lets a reader read', () => {
      expect(() => policy.requireRead(principal('read'))).not.toThrow();
    });

    it('denies reading without a role', () => {
      const error = denial(() => policy.requireRead(principal()));
      expect(error.extensions).toEqual({ code: 'FORBIDDEN', reason: 'MISSING_ROLE' });
      expect(error.message).toBe(
        'Reading directory data requires the "read" role, and subject "alice" has no role. Request a token with a scope or group that grants "read".',
      );
    });

    it('denies a write to a reader', () => {
      const error = denial(() => policy.requireWrite(principal('read'), 'DeleteUser'));
      expect(error.extensions.reason).toBe('MISSING_ROLE');
      expect(error.message).toBe(
        'DeleteUser requires the "write" role, and subject "alice" has only the roles "read". Request a token with a scope or group that grants "write".',
      );
    });

    it('treats read operations as reads', () => {
      expect(() => policy.requireWrite(principal('read'), 'DescribeUser')).not.toThrow();
    });
  });

  describe('directories', () => {
    it('resolves the default directory', () => {
      expect(policy.checkDirectory(undefined)).toBe(DEFAULT_DIRECTORY);
    });

    it('allows a listed directory', () => {
      expect(policy.checkDirectory('d-abcdef0123')).toBe('d-abcdef0123');
    });

    it('denies an unlisted directory', () => {
      const error = denial(() => policy.checkDirectory('d-9999999999'));
      expect(error.extensions).toEqual({ code: 'FORBIDDEN', reason: 'DIRECTORY_NOT_ALLOWED' });
      expect(error.message).toBe(
        'Directory "d-9999999999" is not served by this gateway. Use the default directory, or add it to ALLOWED_DIRECTORY_IDS.',
      );
    });
  });

  describe('attributes', () => {
    it('lets a writer set allowed attributes in any case', () => {
      expect(() => policy.checkWritableAttributes(principal('read', 'write'), ['Department', 'title', 'mail'])).not.toThrow();
    });

    it('denies servicePrincipalName to a writer', () => {
      const error = denial(() => policy.checkWritableAttributes(principal('read', 'write'), ['title', 'servicePrincipalName']));
      expect(error.extensions).toEqual({ code: 'FORBIDDEN', reason: 'ATTRIBUTE_NOT_WRITABLE' });
      expect(error.message).toBe(
        'Subject "alice" may not write the attribute "servicePrincipalName": none of its roles (read, write) lists it in WRITABLE_ATTRIBUTES_WRITE or WRITABLE_ATTRIBUTES_ADMIN.',
      );
    });

    it('lets an admin set servicePrincipalName when configured', () => {
      expect(() => policy.checkWritableAttributes(principal('read', 'write', 'admin'), ['servicePrincipalName'])).not.toThrow();
    });

    it('maps top-level members to LDAP names', () => {
      expect(ldapNameOfMember('EmailAddress')).toBe('mail');
      expect(ldapNameOfMember('surname')).toBe('sn');
      expect(ldapNameOfMember('SAMAccountName')).toBeUndefined();
      expect(ldapNameOfMember('toString')).toBeUndefined();
    });
  });

  describe('protected objects', () => {
    const cases: Array<[string, Parameters<typeof policy.checkProtectedObjects>[0], string]> = [
      ['the Kerberos account', { operation: 'DisableUser', userName: 'KRBTGT' }, 'DisableUser may not touch the protected object "KRBTGT" (user): it matches "krbtgt" in PROTECTED_USERS.'],
      ['the administrator', { operation: 'UpdateUser', userName: 'Administrator' }, 'UpdateUser may not touch the protected object "Administrator" (user): it matches "Administrator" in PROTECTED_USERS.'],
      ['an AWS service account', { operation: 'DeleteUser', userName: 'AWS_WGnzYlN6YyY' }, 'DeleteUser may not touch the protected object "AWS_WGnzYlN6YyY" (user): it matches "AWS_*" in PROTECTED_USERS.'],
      ['Domain Admins', { operation: 'AddGroupMember', groupName: 'domain admins', memberName: 'mallory' }, 'AddGroupMember may not touch the protected object "domain admins" (group): it matches "Domain Admins" in PROTECTED_GROUPS.'],
      ['Enterprise Admins', { operation: 'UpdateGroup', groupName: 'Enterprise Admins' }, 'UpdateGroup may not touch the protected object "Enterprise Admins" (group): it matches "Enterprise Admins" in PROTECTED_GROUPS.'],
      ['an AWS delegated group', { operation: 'AddGroupMember', groupName: 'AWS Delegated Administrators', memberName: 'mallory' }, 'AddGroupMember may not touch the protected object "AWS Delegated Administrators" (group): it matches "AWS *" in PROTECTED_GROUPS.'],
      ['a protected member', { operation: 'RemoveGroupMember', groupName: 'Sales', memberName: 'Admin' }, 'RemoveGroupMember may not touch the protected object "Admin" (member): it matches "Admin" in PROTECTED_USERS or PROTECTED_GROUPS.'],
    ];

    it.each(cases)('denies %s', (_name, target, message) => {
      const error = denial(() => policy.checkProtectedObjects(target));
      expect(error.extensions).toEqual({ code: 'FORBIDDEN', reason: 'PROTECTED_OBJECT' });
      expect(error.message).toBe(message);
    });

    it('allows ordinary objects', () => {
      expect(() => policy.checkProtectedObjects({ operation: 'AddGroupMember', groupName: 'Sales', memberName: 'jdoe' })).not.toThrow();
      expect(() => policy.checkProtectedObjects({ operation: 'UpdateUser', userName: 'Administrator2' })).not.toThrow();
    });

    it('protects nothing when the lists are empty', () => {
      const open = createAuthorizationPolicy({
        defaultDirectoryId: DEFAULT_DIRECTORY,
        config: { allowedDirectoryIds: [], writableAttributes: { read: [], write: [], admin: [] }, protectedUsers: [], protectedGroups: [] },
      });
      expect(() => open.checkProtectedObjects({ operation: 'DisableUser', userName: 'krbtgt' })).not.toThrow();
    });
  });

  describe('authorizeMutation', () => {
    it('returns the directory when every check passes', () => {
      const directoryId = policy.authorizeMutation(principal('read', 'write'), {
        operation: 'UpdateUser',
        directoryId: undefined,
        userName: 'jdoe',
        attributeNames: ['title'],
      });
      expect(directoryId).toBe(DEFAULT_DIRECTORY);
    });

    it('checks the role before the directory', () => {
      const error = denial(() =>
        policy.authorizeMutation(principal('read'), { operation: 'DeleteUser', directoryId: 'd-9999999999', userName: 'jdoe' }),
      );
      expect(error.extensions.reason).toBe('MISSING_ROLE');
    });

    it('checks the directory before the object', () => {
      const error = denial(() =>
        policy.authorizeMutation(principal('read', 'write'), { operation: 'DeleteUser', directoryId: 'd-9999999999', userName: 'krbtgt' }),
      );
      expect(error.extensions.reason).toBe('DIRECTORY_NOT_ALLOWED');
    });
  });
});
