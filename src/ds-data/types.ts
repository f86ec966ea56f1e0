/**
 * Request, response and enum types of AWS Directory Service Data (API version 2023-05-31).
 *
 * Names follow the official `@aws-sdk/client-directory-service-data` package so that code
 * written against this client moves to the official one by changing imports. The one
 * deliberate difference: `AttributeValue.N` is a `bigint`, because AD stores 64-bit
 * integers (FILETIME timestamps, `accountExpires`) that a JavaScript number cannot hold.
 */

export const GroupScope = {
  BUILTIN_LOCAL: 'BuiltinLocal',
  DOMAIN_LOCAL: 'DomainLocal',
  GLOBAL: 'Global',
  UNIVERSAL: 'Universal',
} as const;
export type GroupScope = (typeof GroupScope)[keyof typeof GroupScope];

export const GroupType = {
  DISTRIBUTION: 'Distribution',
  SECURITY: 'Security',
} as const;
export type GroupType = (typeof GroupType)[keyof typeof GroupType];

export const MemberType = {
  COMPUTER: 'COMPUTER',
  GROUP: 'GROUP',
  USER: 'USER',
} as const;
export type MemberType = (typeof MemberType)[keyof typeof MemberType];

export const UpdateType = {
  ADD: 'ADD',
  REMOVE: 'REMOVE',
  REPLACE: 'REPLACE',
} as const;
export type UpdateType = (typeof UpdateType)[keyof typeof UpdateType];

export const AccessDeniedReason = {
  DATA_DISABLED: 'DATA_DISABLED',
  DIRECTORY_AUTH: 'DIRECTORY_AUTH',
  IAM_AUTH: 'IAM_AUTH',
} as const;
export type AccessDeniedReason = (typeof AccessDeniedReason)[keyof typeof AccessDeniedReason];

export const DirectoryUnavailableReason = {
  DIRECTORY_RESOURCES_EXCEEDED: 'DIRECTORY_RESOURCES_EXCEEDED',
  DIRECTORY_TIMEOUT: 'DIRECTORY_TIMEOUT',
  INVALID_DIRECTORY_STATE: 'INVALID_DIRECTORY_STATE',
  NO_DISK_SPACE: 'NO_DISK_SPACE',
  TRUST_AUTH_FAILURE: 'TRUST_AUTH_FAILURE',
} as const;
export type DirectoryUnavailableReason =
  (typeof DirectoryUnavailableReason)[keyof typeof DirectoryUnavailableReason];

export const ValidationExceptionReason = {
  ATTRIBUTE_EXISTS: 'ATTRIBUTE_EXISTS',
  DUPLICATE_ATTRIBUTE: 'DUPLICATE_ATTRIBUTE',
  INVALID_ATTRIBUTE_FOR_GROUP: 'INVALID_ATTRIBUTE_FOR_GROUP',
  INVALID_ATTRIBUTE_FOR_MODIFY: 'INVALID_ATTRIBUTE_FOR_MODIFY',
  INVALID_ATTRIBUTE_FOR_SEARCH: 'INVALID_ATTRIBUTE_FOR_SEARCH',
  INVALID_ATTRIBUTE_FOR_USER: 'INVALID_ATTRIBUTE_FOR_USER',
  INVALID_ATTRIBUTE_NAME: 'INVALID_ATTRIBUTE_NAME',
  INVALID_ATTRIBUTE_VALUE: 'INVALID_ATTRIBUTE_VALUE',
  INVALID_DIRECTORY_TYPE: 'INVALID_DIRECTORY_TYPE',
  INVALID_NEXT_TOKEN: 'INVALID_NEXT_TOKEN',
  INVALID_REALM: 'INVALID_REALM',
  INVALID_SECONDARY_REGION: 'INVALID_SECONDARY_REGION',
  LDAP_SIZE_LIMIT_EXCEEDED: 'LDAP_SIZE_LIMIT_EXCEEDED',
  LDAP_UNSUPPORTED_OPERATION: 'LDAP_UNSUPPORTED_OPERATION',
  MISSING_ATTRIBUTE: 'MISSING_ATTRIBUTE',
} as const;
export type ValidationExceptionReason =
  (typeof ValidationExceptionReason)[keyof typeof ValidationExceptionReason];

/**
 * A tagged union: exactly one member is set. `N` is a signed 64-bit integer, carried as a
 * `bigint` so that no digit is lost; the JSON codec writes it as a bare JSON number.
 */
export type AttributeValue =
  | AttributeValue.SMember
  | AttributeValue.NMember
  | AttributeValue.BOOLMember
  | AttributeValue.SSMember
  | AttributeValue.$UnknownMember;

export declare namespace AttributeValue {
  interface SMember {
    S: string;
    N?: never;
    BOOL?: never;
    SS?: never;
    $unknown?: never;
  }
  interface NMember {
    S?: never;
    N: bigint;
    BOOL?: never;
    SS?: never;
    $unknown?: never;
  }
  interface BOOLMember {
    S?: never;
    N?: never;
    BOOL: boolean;
    SS?: never;
    $unknown?: never;
  }
  interface SSMember {
    S?: never;
    N?: never;
    BOOL?: never;
    SS: string[];
    $unknown?: never;
  }
  /** A member added to the union after this client was written: its key and raw value. */
  interface $UnknownMember {
    S?: never;
    N?: never;
    BOOL?: never;
    SS?: never;
    $unknown: [string, unknown];
  }
}

/** Attribute values keyed by LDAP display name, 1 to 25 entries. */
export type Attributes = Record<string, AttributeValue>;

export interface AddGroupMemberRequest {
  DirectoryId: string | undefined;
  GroupName: string | undefined;
  MemberName: string | undefined;
  MemberRealm?: string | undefined;
  ClientToken?: string | undefined;
}
/** The operation has no output members. */
export interface AddGroupMemberResult {}

export interface CreateGroupRequest {
  DirectoryId: string | undefined;
  SAMAccountName: string | undefined;
  GroupType?: GroupType | undefined;
  GroupScope?: GroupScope | undefined;
  OtherAttributes?: Attributes | undefined;
  ClientToken?: string | undefined;
}
export interface CreateGroupResult {
  DirectoryId?: string | undefined;
  SAMAccountName?: string | undefined;
  SID?: string | undefined;
}

export interface CreateUserRequest {
  DirectoryId: string | undefined;
  SAMAccountName: string | undefined;
  EmailAddress?: string | undefined;
  GivenName?: string | undefined;
  Surname?: string | undefined;
  OtherAttributes?: Attributes | undefined;
  ClientToken?: string | undefined;
}
export interface CreateUserResult {
  DirectoryId?: string | undefined;
  SID?: string | undefined;
  SAMAccountName?: string | undefined;
}

export interface DeleteGroupRequest {
  DirectoryId: string | undefined;
  SAMAccountName: string | undefined;
  ClientToken?: string | undefined;
}
/** The operation has no output members. */
export interface DeleteGroupResult {}

export interface DeleteUserRequest {
  DirectoryId: string | undefined;
  SAMAccountName: string | undefined;
  ClientToken?: string | undefined;
}
/** The operation has no output members. */
export interface DeleteUserResult {}

export interface DescribeGroupRequest {
  DirectoryId: string | undefined;
  Realm?: string | undefined;
  SAMAccountName: string | undefined;
  OtherAttributes?: string[] | undefined;
}
export interface DescribeGroupResult {
  DirectoryId?: string | undefined;
  Realm?: string | undefined;
  SID?: string | undefined;
  SAMAccountName?: string | undefined;
  DistinguishedName?: string | undefined;
  GroupType?: GroupType | undefined;
  GroupScope?: GroupScope | undefined;
  OtherAttributes?: Attributes | undefined;
}

export interface DescribeUserRequest {
  DirectoryId: string | undefined;
  SAMAccountName: string | undefined;
  OtherAttributes?: string[] | undefined;
  Realm?: string | undefined;
}
export interface DescribeUserResult {
  DirectoryId?: string | undefined;
  Realm?: string | undefined;
  SID?: string | undefined;
  SAMAccountName?: string | undefined;
  DistinguishedName?: string | undefined;
  UserPrincipalName?: string | undefined;
  EmailAddress?: string | undefined;
  GivenName?: string | undefined;
  Surname?: string | undefined;
  Enabled?: boolean | undefined;
  OtherAttributes?: Attributes | undefined;
}

export interface DisableUserRequest {
  DirectoryId: string | undefined;
  SAMAccountName: string | undefined;
  ClientToken?: string | undefined;
}
/** The operation has no output members. */
export interface DisableUserResult {}

export interface Member {
  SID: string | undefined;
  SAMAccountName: string | undefined;
  MemberType: MemberType | undefined;
}

export interface ListGroupMembersRequest {
  DirectoryId: string | undefined;
  Realm?: string | undefined;
  MemberRealm?: string | undefined;
  SAMAccountName: string | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}
export interface ListGroupMembersResult {
  DirectoryId?: string | undefined;
  Realm?: string | undefined;
  MemberRealm?: string | undefined;
  Members?: Member[] | undefined;
  NextToken?: string | undefined;
}

export interface GroupSummary {
  SID: string | undefined;
  SAMAccountName: string | undefined;
  GroupType: GroupType | undefined;
  GroupScope: GroupScope | undefined;
}

export interface ListGroupsRequest {
  DirectoryId: string | undefined;
  Realm?: string | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}
export interface ListGroupsResult {
  DirectoryId?: string | undefined;
  Realm?: string | undefined;
  Groups?: GroupSummary[] | undefined;
  NextToken?: string | undefined;
}

export interface ListGroupsForMemberRequest {
  DirectoryId: string | undefined;
  Realm?: string | undefined;
  MemberRealm?: string | undefined;
  SAMAccountName: string | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}
export interface ListGroupsForMemberResult {
  DirectoryId?: string | undefined;
  Realm?: string | undefined;
  MemberRealm?: string | undefined;
  Groups?: GroupSummary[] | undefined;
  NextToken?: string | undefined;
}

export interface UserSummary {
  SID: string | undefined;
  SAMAccountName: string | undefined;
  GivenName?: string | undefined;
  Surname?: string | undefined;
  Enabled: boolean | undefined;
}

export interface ListUsersRequest {
  DirectoryId: string | undefined;
  Realm?: string | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}
export interface ListUsersResult {
  DirectoryId?: string | undefined;
  Realm?: string | undefined;
  Users?: UserSummary[] | undefined;
  NextToken?: string | undefined;
}

export interface RemoveGroupMemberRequest {
  DirectoryId: string | undefined;
  GroupName: string | undefined;
  MemberName: string | undefined;
  MemberRealm?: string | undefined;
  ClientToken?: string | undefined;
}
/** The operation has no output members. */
export interface RemoveGroupMemberResult {}

export interface Group {
  SID?: string | undefined;
  SAMAccountName: string | undefined;
  DistinguishedName?: string | undefined;
  GroupType?: GroupType | undefined;
  GroupScope?: GroupScope | undefined;
  OtherAttributes?: Attributes | undefined;
}

export interface SearchGroupsRequest {
  DirectoryId: string | undefined;
  SearchString: string | undefined;
  SearchAttributes: string[] | undefined;
  Realm?: string | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}
export interface SearchGroupsResult {
  DirectoryId?: string | undefined;
  Realm?: string | undefined;
  Groups?: Group[] | undefined;
  NextToken?: string | undefined;
}

export interface User {
  SID?: string | undefined;
  SAMAccountName: string | undefined;
  DistinguishedName?: string | undefined;
  UserPrincipalName?: string | undefined;
  EmailAddress?: string | undefined;
  GivenName?: string | undefined;
  Surname?: string | undefined;
  Enabled?: boolean | undefined;
  OtherAttributes?: Attributes | undefined;
}

export interface SearchUsersRequest {
  DirectoryId: string | undefined;
  Realm?: string | undefined;
  SearchString: string | undefined;
  SearchAttributes: string[] | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}
export interface SearchUsersResult {
  DirectoryId?: string | undefined;
  Realm?: string | undefined;
  Users?: User[] | undefined;
  NextToken?: string | undefined;
}

export interface UpdateGroupRequest {
  DirectoryId: string | undefined;
  SAMAccountName: string | undefined;
  GroupType?: GroupType | undefined;
  GroupScope?: GroupScope | undefined;
  OtherAttributes?: Attributes | undefined;
  UpdateType?: UpdateType | undefined;
  ClientToken?: string | undefined;
}
/** The operation has no output members. */
export interface UpdateGroupResult {}

export interface UpdateUserRequest {
  DirectoryId: string | undefined;
  SAMAccountName: string | undefined;
  EmailAddress?: string | undefined;
  GivenName?: string | undefined;
  Surname?: string | undefined;
  OtherAttributes?: Attributes | undefined;
  UpdateType?: UpdateType | undefined;
  ClientToken?: string | undefined;
}
/** The operation has no output members. */
export interface UpdateUserResult {}
