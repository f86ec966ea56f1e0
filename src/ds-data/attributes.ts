/**
 * The directory attributes that AWS Directory Service Data reads and writes: object type,
 * value type, access and whether a search may name them.
 *
 * Source: the AWS Directory Service administration guide page "AWS Directory Service Data
 * attributes" (request attributes and other attributes). That page lists no attribute with
 * a number value, yet the API returns AD integer attributes such as `pwdLastSet` as `N`, so
 * the common 64-bit integer attributes of Active Directory are added here and marked as
 * such. The emulator checks writes, reads and searches against this table, and the gateway
 * reads it to describe attributes, so it contains no emulator code.
 */

export type DirectoryObjectType = 'User' | 'Group';

/**
 * Access type of an attribute. `Creatable`: set by a Create call and changed by an Update
 * call. `Mutable`: changed only by an Update call. `ReadOnly`: never written.
 */
export type AttributeAccess = 'ReadOnly' | 'Creatable' | 'Mutable';

/** The `AttributeValue` member that carries the attribute: `S`, `N`, `BOOL` or `SS`. */
export type AttributeValueType = 'S' | 'N' | 'BOOL' | 'SS';

/** The top-level request or response member that carries an attribute instead of `OtherAttributes`. */
export type TopLevelMember =
  | 'DistinguishedName'
  | 'EmailAddress'
  | 'Enabled'
  | 'GivenName'
  | 'GroupScope'
  | 'GroupType'
  | 'SAMAccountName'
  | 'SID'
  | 'Surname'
  | 'UserPrincipalName';

export interface AttributeDefinition {
  /** LDAP display name, the spelling AD and `OtherAttributes` use. Names compare case-insensitively. */
  readonly ldapName: string;
  readonly valueType: AttributeValueType;
  readonly objectTypes: readonly DirectoryObjectType[];
  readonly access: AttributeAccess;
  /** True when `SearchUsers` or `SearchGroups` may name it in `SearchAttributes`. */
  readonly searchable: boolean;
  /** Set when the attribute travels as a top-level member for the listed object types. */
  readonly topLevel?: { readonly member: TopLevelMember; readonly objectTypes: readonly DirectoryObjectType[] };
  /** True for the 64-bit integer attributes of AD that the AWS attributes page does not list. */
  readonly integerExtension?: true;
}

const USER: readonly DirectoryObjectType[] = ['User'];
const GROUP: readonly DirectoryObjectType[] = ['Group'];
const BOTH: readonly DirectoryObjectType[] = ['User', 'Group'];

function attribute(
  ldapName: string,
  valueType: AttributeValueType,
  objectTypes: readonly DirectoryObjectType[],
  access: AttributeAccess,
  searchable = false,
): AttributeDefinition {
  return { ldapName, valueType, objectTypes, access, searchable };
}

function topLevel(
  definition: AttributeDefinition,
  member: TopLevelMember,
  objectTypes: readonly DirectoryObjectType[] = definition.objectTypes,
): AttributeDefinition {
  return { ...definition, topLevel: { member, objectTypes } };
}

function integer(ldapName: string, objectTypes: readonly DirectoryObjectType[], access: AttributeAccess): AttributeDefinition {
  return { ldapName, valueType: 'N', objectTypes, access, searchable: false, integerExtension: true };
}

export const ATTRIBUTE_DEFINITIONS: readonly AttributeDefinition[] = [
  // Request attributes: top-level members of requests and responses.
  topLevel(attribute('distinguishedName', 'S', BOTH, 'ReadOnly'), 'DistinguishedName'),
  // `mail` is the top-level EmailAddress of a user and an ordinary attribute of a group.
  topLevel(attribute('mail', 'S', BOTH, 'Creatable', true), 'EmailAddress', USER),
  topLevel(attribute('givenName', 'S', USER, 'Creatable', true), 'GivenName'),
  topLevel(attribute('groupScope', 'S', GROUP, 'Creatable'), 'GroupScope'),
  topLevel(attribute('groupType', 'S', GROUP, 'Creatable'), 'GroupType'),
  topLevel(attribute('sAMAccountName', 'S', BOTH, 'Creatable', true), 'SAMAccountName'),
  topLevel(attribute('objectSid', 'S', BOTH, 'ReadOnly'), 'SID'),
  topLevel(attribute('sn', 'S', USER, 'Creatable', true), 'Surname'),
  topLevel(attribute('userPrincipalName', 'S', USER, 'ReadOnly'), 'UserPrincipalName'),

  // Other attributes: carried in `OtherAttributes`.
  attribute('assistant', 'S', USER, 'ReadOnly'),
  attribute('cn', 'S', BOTH, 'ReadOnly'),
  attribute('co', 'S', USER, 'Mutable'),
  attribute('company', 'S', USER, 'Creatable'),
  attribute('department', 'S', USER, 'Creatable'),
  attribute('description', 'S', BOTH, 'Creatable'),
  attribute('directReports', 'SS', USER, 'ReadOnly'),
  attribute('displayName', 'S', BOTH, 'Creatable', true),
  attribute('facsimileTelephoneNumber', 'S', BOTH, 'Creatable'),
  attribute('homePhone', 'S', USER, 'Creatable'),
  attribute('info', 'S', BOTH, 'Mutable'),
  attribute('initials', 'S', USER, 'Mutable'),
  attribute('ipPhone', 'S', USER, 'Mutable'),
  attribute('l', 'S', USER, 'Creatable', true),
  attribute('manager', 'S', USER, 'Mutable'),
  attribute('mobile', 'S', USER, 'Mutable'),
  // The AWS page lists objectClass for groups only; AD sets it on every object.
  attribute('objectClass', 'SS', BOTH, 'ReadOnly'),
  attribute('objectGUID', 'S', BOTH, 'ReadOnly'),
  attribute('pager', 'S', USER, 'Mutable'),
  attribute('physicalDeliveryOfficeName', 'S', USER, 'Creatable', true),
  attribute('postalCode', 'S', USER, 'Creatable'),
  attribute('preferredLanguage', 'S', USER, 'Mutable'),
  attribute('proxyAddresses', 'SS', BOTH, 'ReadOnly', true),
  attribute('servicePrincipalName', 'SS', USER, 'Mutable'),
  attribute('st', 'S', USER, 'Creatable'),
  attribute('streetAddress', 'S', USER, 'Creatable'),
  attribute('telephoneNumber', 'S', USER, 'Creatable'),
  attribute('title', 'S', USER, 'Mutable'),
  attribute('whenChanged', 'S', BOTH, 'ReadOnly'),
  attribute('wWWHomePage', 'S', BOTH, 'Mutable'),

  // 64-bit integer attributes of AD. FILETIME values count 100-nanosecond intervals since
  // 1601-01-01 UTC; `accountExpires` uses 0 or 2^63-1 for "never".
  integer('accountExpires', USER, 'Creatable'),
  integer('badPasswordTime', USER, 'ReadOnly'),
  integer('badPwdCount', USER, 'ReadOnly'),
  integer('lastLogoff', USER, 'ReadOnly'),
  integer('lastLogon', USER, 'ReadOnly'),
  integer('lastLogonTimestamp', USER, 'ReadOnly'),
  integer('logonCount', USER, 'ReadOnly'),
  integer('primaryGroupID', USER, 'ReadOnly'),
  integer('pwdLastSet', USER, 'ReadOnly'),
  integer('sAMAccountType', BOTH, 'ReadOnly'),
  integer('userAccountControl', USER, 'ReadOnly'),
  integer('uSNChanged', BOTH, 'ReadOnly'),
  integer('uSNCreated', BOTH, 'ReadOnly'),
];

/**
 * Names of the AWS attributes page ("DSD names") that differ from the LDAP display name.
 * Callers may use either spelling in `SearchAttributes` and `OtherAttributes` lists.
 */
const DSD_NAME_ALIASES: ReadonlyMap<string, string> = new Map([
  ['emailaddress', 'mail'],
  ['givenname', 'givenName'],
  ['surname', 'sn'],
  ['sid', 'objectSid'],
]);

const BY_LOWER_NAME = new Map(ATTRIBUTE_DEFINITIONS.map((definition) => [definition.ldapName.toLowerCase(), definition]));

/**
 * Looks up an attribute by LDAP display name or AWS name, ignoring case as AD does, and
 * returns undefined for a name outside the table.
 */
export function findAttribute(name: string): AttributeDefinition | undefined {
  const lower = name.toLowerCase();
  // A Map, not an object literal, so that names such as `constructor` find nothing.
  const alias = DSD_NAME_ALIASES.get(lower);
  return BY_LOWER_NAME.get(alias ? alias.toLowerCase() : lower);
}

/** True when the attribute exists on objects of `objectType`. */
export function appliesTo(definition: AttributeDefinition, objectType: DirectoryObjectType): boolean {
  return definition.objectTypes.includes(objectType);
}

/** Returns the top-level member that carries the attribute for `objectType`, or undefined when it travels in `OtherAttributes`. */
export function topLevelMemberFor(
  definition: AttributeDefinition,
  objectType: DirectoryObjectType,
): TopLevelMember | undefined {
  return definition.topLevel?.objectTypes.includes(objectType) ? definition.topLevel.member : undefined;
}

/** Returns the definition behind a top-level member of a user or group request. */
export function attributeForMember(member: TopLevelMember): AttributeDefinition {
  const definition = ATTRIBUTE_DEFINITIONS.find((candidate) => candidate.topLevel?.member === member);
  if (!definition) {
    throw new Error(`No attribute is mapped to the top-level member ${member}.`);
  }
  return definition;
}
