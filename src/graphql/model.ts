/**
 * The values resolvers pass down: what the gateway knows about a directory object so far.
 *
 * A list or search call returns some fields of each object; `known` holds exactly those.
 * A field that is absent from `known` is unknown (not null), so its resolver fetches the
 * object with one describe call shared by the whole request.
 */
import type { AttributeValue, DescribeGroupResult, DescribeUserResult } from '../ds-data/types.js';

/** Location of a directory object, in the spelling the client or AWS used. */
export interface ObjectLocator {
  readonly directoryId: string;
  /** Domain of the object; undefined means the directory's own domain. */
  readonly realm: string | undefined;
  readonly samAccountName: string;
}

export type UserFields = Omit<DescribeUserResult, 'DirectoryId' | 'OtherAttributes'>;
export type GroupFields = Omit<DescribeGroupResult, 'DirectoryId' | 'OtherAttributes'>;

/**
 * Fields an AWS result returned. Null means the result's shape carries the field and the
 * object has no value; an absent key means the result did not carry it.
 */
export type KnownFields<Fields> = { readonly [Key in keyof Fields]?: Fields[Key] | null };

export interface UserRef extends ObjectLocator {
  readonly kind: 'User';
  readonly known: KnownFields<UserFields>;
}

export interface GroupRef extends ObjectLocator {
  readonly kind: 'Group';
  readonly known: KnownFields<GroupFields>;
}

export interface ComputerRef extends ObjectLocator {
  readonly kind: 'Computer';
  readonly sid: string;
}

export type MemberRef = UserRef | GroupRef | ComputerRef;

export interface AttributeEntry {
  readonly name: string;
  readonly value: AttributeValue;
}

export interface PageInfoRecord {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: false;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface EdgeRecord<Node> {
  readonly cursor: string;
  readonly node: Node;
}

export interface PageRecord<Node> {
  readonly edges: ReadonlyArray<EdgeRecord<Node>>;
  readonly nodes: readonly Node[];
  readonly pageInfo: PageInfoRecord;
}

export type UserPage = PageRecord<UserRef>;
export type GroupPage = PageRecord<GroupRef>;
export type MemberPage = PageRecord<MemberRef>;
export type UserEdgeRef = EdgeRecord<UserRef>;
export type GroupEdgeRef = EdgeRecord<GroupRef>;
export type MemberEdgeRef = EdgeRecord<MemberRef>;

/** One AWS call of a mutation and its outcome. */
export interface StepRecord {
  readonly operation: string;
  readonly updateType: 'ADD' | 'REPLACE' | 'REMOVE' | null;
  readonly attributes: readonly string[];
  readonly clientToken: string;
  status: 'APPLIED' | 'FAILED' | 'NOT_ATTEMPTED';
  requestId: string | null;
  /** The mapped GraphQL error of a failed step. */
  error: Error | null;
}

export interface UpdateUserResultRef {
  readonly user: UserRef;
  readonly clientToken: string;
  readonly steps: readonly StepRecord[];
}

export interface UpdateGroupResultRef {
  readonly group: GroupRef;
  readonly clientToken: string;
  readonly steps: readonly StepRecord[];
}

export interface CreateUserResultRef {
  readonly user: UserRef;
  readonly sid: string;
  readonly clientToken: string;
}

export interface CreateGroupResultRef {
  readonly group: GroupRef;
  readonly sid: string;
  readonly clientToken: string;
}

export interface DisableUserResultRef {
  readonly user: UserRef;
  readonly clientToken: string;
}

export interface MembershipResultRef {
  readonly group: GroupRef;
  readonly memberName: string;
  readonly clientToken: string;
}
