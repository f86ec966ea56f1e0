/**
 * Authorization checks that resolvers run before any AWS call: the caller's role, the
 * directory allow-list, the attributes each role may write, and objects that no mutation may
 * touch. A denial is a `GraphQLError` with `extensions.code = 'FORBIDDEN'`, so graphql-js
 * reports it on the field's path and the rest of the query still runs.
 */
import { GraphQLError } from 'graphql';

import type { Role, SecurityConfig } from '../config/security.js';
import type { OperationName } from '../ds-data/operations.js';
import { OPERATIONS } from '../ds-data/operations.js';

/** The part of a principal that authorization reads. */
export interface AuthorizationSubject {
  readonly subject: string;
  readonly roles: ReadonlySet<Role>;
}

/** Denial cause, sent in `extensions.reason`. */
export type DenialReason = 'MISSING_ROLE' | 'DIRECTORY_NOT_ALLOWED' | 'ATTRIBUTE_NOT_WRITABLE' | 'PROTECTED_OBJECT';

/** Objects and attributes that a mutation changes, for `authorizeMutation`. Names are SAM account names. */
export interface MutationTarget {
  readonly operation: OperationName;
  readonly directoryId: string | undefined;
  readonly userName?: string;
  readonly groupName?: string;
  /** Member added to or removed from `groupName`. */
  readonly memberName?: string;
  /** LDAP display names the mutation writes, including the top-level members (see `ldapNameOfMember`). */
  readonly attributeNames?: Iterable<string>;
}

export interface AuthorizationPolicy {
  /** Throws unless the caller may read directory data. */
  requireRead(principal: AuthorizationSubject): void;
  /** Throws unless the caller may run the write `operation`. */
  requireWrite(principal: AuthorizationSubject, operation: OperationName): void;
  /** Throws unless `directoryId` (undefined meaning the default directory) is allowed. Returns the directory id to use. */
  checkDirectory(directoryId: string | undefined): string;
  /** Throws for the first attribute the caller's roles may not write. */
  checkWritableAttributes(principal: AuthorizationSubject, attributeNames: Iterable<string>): void;
  /** Throws when a mutation of `operation` would touch a protected user or group. */
  checkProtectedObjects(target: Pick<MutationTarget, 'operation' | 'userName' | 'groupName' | 'memberName'>): void;
  /** Runs every check for a mutation in the order above; the first failure is thrown. Returns the directory id to use. */
  authorizeMutation(principal: AuthorizationSubject, target: MutationTarget): string;
}

export interface AuthorizationPolicyOptions {
  readonly config: Pick<SecurityConfig, 'allowedDirectoryIds' | 'writableAttributes' | 'protectedUsers' | 'protectedGroups'>;
  /** Directory used when a request names none; always allowed. */
  readonly defaultDirectoryId: string;
}

/** LDAP display names of the top-level request members that write attributes, in AWS and GraphQL spelling. */
const LDAP_NAME_OF_MEMBER: Readonly<Record<string, string>> = {
  EmailAddress: 'mail',
  emailAddress: 'mail',
  GivenName: 'givenName',
  givenName: 'givenName',
  Surname: 'sn',
  surname: 'sn',
  GroupType: 'groupType',
  groupType: 'groupType',
  GroupScope: 'groupScope',
  groupScope: 'groupScope',
};

/** Returns the LDAP display name that a top-level input member writes, or undefined for other members. */
export function ldapNameOfMember(member: string): string | undefined {
  return Object.hasOwn(LDAP_NAME_OF_MEMBER, member) ? LDAP_NAME_OF_MEMBER[member] : undefined;
}

/** Creates the policy; lists are compared case-insensitively, as AD compares names. */
export function createAuthorizationPolicy(options: AuthorizationPolicyOptions): AuthorizationPolicy {
  const { config, defaultDirectoryId } = options;
  const allowedDirectories = new Set([defaultDirectoryId, ...config.allowedDirectoryIds]);
  const writable = {
    read: new Set(config.writableAttributes.read.map((name) => name.toLowerCase())),
    write: new Set(config.writableAttributes.write.map((name) => name.toLowerCase())),
    admin: new Set(config.writableAttributes.admin.map((name) => name.toLowerCase())),
  };
  const protectedUsers = config.protectedUsers.map(compileNamePattern);
  const protectedGroups = config.protectedGroups.map(compileNamePattern);

  function requireRead(principal: AuthorizationSubject): void {
    if (!principal.roles.has('read')) {
      throw forbidden(
        `Reading directory data requires the "read" role, and subject "${principal.subject}" has ${describeRoles(principal)}. ` +
          'Request a token with a scope or group that grants "read".',
        'MISSING_ROLE',
      );
    }
  }

  function requireWrite(principal: AuthorizationSubject, operation: OperationName): void {
    if (OPERATIONS[operation].readonly) {
      requireRead(principal);
      return;
    }
    if (!principal.roles.has('write')) {
      throw forbidden(
        `${operation} requires the "write" role, and subject "${principal.subject}" has ${describeRoles(principal)}. ` +
          'Request a token with a scope or group that grants "write".',
        'MISSING_ROLE',
      );
    }
  }

  function checkDirectory(directoryId: string | undefined): string {
    const resolved = directoryId ?? defaultDirectoryId;
    if (!allowedDirectories.has(resolved)) {
      throw forbidden(
        `Directory "${resolved}" is not served by this gateway. Use the default directory, or add it to ALLOWED_DIRECTORY_IDS.`,
        'DIRECTORY_NOT_ALLOWED',
      );
    }
    return resolved;
  }

  function checkWritableAttributes(principal: AuthorizationSubject, attributeNames: Iterable<string>): void {
    const roles = [...principal.roles];
    for (const name of attributeNames) {
      const lower = name.toLowerCase();
      if (!roles.some((role) => writable[role].has(lower))) {
        throw forbidden(
          `Subject "${principal.subject}" may not write the attribute "${name}": none of its roles (${roles.join(', ') || 'none'}) ` +
            'lists it in WRITABLE_ATTRIBUTES_WRITE or WRITABLE_ATTRIBUTES_ADMIN.',
          'ATTRIBUTE_NOT_WRITABLE',
        );
      }
    }
  }

  function checkProtectedObjects(target: Pick<MutationTarget, 'operation' | 'userName' | 'groupName' | 'memberName'>): void {
    const candidates: Array<[kind: 'User' | 'Group' | 'Member', name: string | undefined, patterns: NamePattern[], variable: string]> = [
      ['User', target.userName, protectedUsers, 'PROTECTED_USERS'],
      ['Group', target.groupName, protectedGroups, 'PROTECTED_GROUPS'],
      // A member may be a user or a group, so both lists apply.
      ['Member', target.memberName, [...protectedUsers, ...protectedGroups], 'PROTECTED_USERS or PROTECTED_GROUPS'],
    ];

    for (const [kind, name, patterns, variable] of candidates) {
      if (name === undefined) {
        continue;
      }
      const match = patterns.find((pattern) => pattern.matches(name));
      if (match !== undefined) {
        throw forbidden(
          `${target.operation} may not touch the protected object "${name}" (${kind.toLowerCase()}): it matches "${match.source}" in ${variable}.`,
          'PROTECTED_OBJECT',
        );
      }
    }
  }

  function authorizeMutation(principal: AuthorizationSubject, target: MutationTarget): string {
    requireWrite(principal, target.operation);
    const directoryId = checkDirectory(target.directoryId);
    if (target.attributeNames !== undefined) {
      checkWritableAttributes(principal, target.attributeNames);
    }
    checkProtectedObjects(target);
    return directoryId;
  }

  return { requireRead, requireWrite, checkDirectory, checkWritableAttributes, checkProtectedObjects, authorizeMutation };
}

interface NamePattern {
  readonly source: string;
  matches(name: string): boolean;
}

/** Compiles a list entry: an exact name, or a prefix when it ends in `*`; both case-insensitive. */
function compileNamePattern(source: string): NamePattern {
  const lower = source.toLowerCase();
  if (lower.endsWith('*')) {
    const prefix = lower.slice(0, -1);
    return { source, matches: (name) => name.toLowerCase().startsWith(prefix) };
  }
  return { source, matches: (name) => name.toLowerCase() === lower };
}

function describeRoles(principal: AuthorizationSubject): string {
  return principal.roles.size === 0 ? 'no role' : `only the roles ${[...principal.roles].map((role) => `"${role}"`).join(', ')}`;
}

function forbidden(message: string, reason: DenialReason): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reason } });
}
