/**
 * The demo directory that `npm start` and `npm run emulator` serve: an AWS Managed Microsoft
 * AD named `corp.example.com` (directory `d-1234567890`). It contains the built-in accounts
 * and groups that a real one lists and the groups AWS delegates to the directory
 * administrator. Customer users and groups sit in `OU=Users,OU=CORP`, and the directory
 * trusts the realm `europe.example.com`.
 *
 * The built-in names, relative ids and group scopes are those of Windows Server AD; the
 * AWS group names are those the AWS Managed Microsoft AD guide lists. People, departments
 * and addresses are invented.
 */
import type { AttributeValue } from '../ds-data/types.js';
import type { DirectorySeed, EmulatorSeed, GroupSeed, UserSeed } from './seed.js';

export const DEMO_DIRECTORY_ID = 'd-1234567890';
export const DEMO_REALM = 'corp.example.com';
export const DEMO_TRUSTED_REALM = 'europe.example.com';

const DOMAIN_SID = 'S-1-5-21-2943712086-1716543893-3270154418';
const EUROPE_SID = 'S-1-5-21-1004336348-1177238915-682003330';

/** FILETIME values (100-ns intervals since 1601-01-01 UTC) used by the demo accounts. */
const FILETIME = {
  passwordSet20261102: 134_380_512_000_000_000n,
  logon20261201: 134_405_568_000_000_000n,
  logon20261203: 134_407_296_000_000_000n,
  expires20270630: 134_587_872_000_000_000n,
} as const;

const BUILTIN_GROUPS: ReadonlyArray<readonly [name: string, rid: number]> = [
  ['Administrators', 544],
  ['Users', 545],
  ['Guests', 546],
  ['Account Operators', 548],
  ['Server Operators', 549],
  ['Print Operators', 550],
  ['Backup Operators', 551],
  ['Replicator', 552],
  ['Pre-Windows 2000 Compatible Access', 554],
  ['Remote Desktop Users', 555],
  ['Network Configuration Operators', 556],
  ['Incoming Forest Trust Builders', 557],
  ['Performance Monitor Users', 558],
  ['Performance Log Users', 559],
  ['Windows Authorization Access Group', 560],
  ['Terminal Server License Servers', 561],
  ['Distributed COM Users', 562],
  ['IIS_IUSRS', 568],
  ['Cryptographic Operators', 569],
  ['Event Log Readers', 573],
  ['Certificate Service DCOM Access', 574],
  ['RDS Remote Access Servers', 575],
  ['RDS Endpoint Servers', 576],
  ['RDS Management Servers', 577],
  ['Hyper-V Administrators', 578],
  ['Access Control Assistance Operators', 579],
  ['Remote Management Users', 580],
  ['Storage Replica Administrators', 582],
];

const DOMAIN_GROUPS: ReadonlyArray<readonly [name: string, rid: number, scope: GroupSeed['GroupScope']]> = [
  ['Enterprise Read-only Domain Controllers', 498, 'Universal'],
  ['Domain Admins', 512, 'Global'],
  ['Domain Users', 513, 'Global'],
  ['Domain Guests', 514, 'Global'],
  ['Domain Computers', 515, 'Global'],
  ['Domain Controllers', 516, 'Global'],
  ['Cert Publishers', 517, 'DomainLocal'],
  ['Schema Admins', 518, 'Universal'],
  ['Enterprise Admins', 519, 'Universal'],
  ['Group Policy Creator Owners', 520, 'Global'],
  ['Read-only Domain Controllers', 521, 'Global'],
  ['Cloneable Domain Controllers', 522, 'Global'],
  ['Protected Users', 525, 'Global'],
  ['Key Admins', 526, 'Global'],
  ['Enterprise Key Admins', 527, 'Universal'],
  ['RAS and IAS Servers', 553, 'DomainLocal'],
  ['Allowed RODC Password Replication Group', 571, 'DomainLocal'],
  ['Denied RODC Password Replication Group', 572, 'DomainLocal'],
  ['DnsAdmins', 1101, 'DomainLocal'],
  ['DnsUpdateProxy', 1102, 'Global'],
];

const AWS_DELEGATED_GROUPS = [
  'AWS Delegated Account Operators',
  'AWS Delegated Active Directory Based Activation Administrators',
  'AWS Delegated Add Workstations To Domain Users',
  'AWS Delegated Administrators',
  'AWS Delegated Allowed to Authenticate Objects',
  'AWS Delegated Allowed to Authenticate to Domain Controllers',
  'AWS Delegated Deleted Object Lifetime Administrators',
  'AWS Delegated Distributed File System Administrators',
  'AWS Delegated Domain Name System Administrators',
  'AWS Delegated Dynamic Host Configuration Protocol Administrators',
  'AWS Delegated Enterprise Certificate Authority Administrators',
  'AWS Delegated Fine Grained Password Policy Administrators',
  'AWS Delegated FSx Administrators',
  'AWS Delegated Group Policy Administrators',
  'AWS Delegated Kerberos Delegation Administrators',
  'AWS Delegated Managed Service Account Administrators',
  'AWS Delegated Read Foreign Security Principals',
  'AWS Delegated Remote Access Service Administrators',
  'AWS Delegated Replicate Directory Changes Administrators',
  'AWS Delegated Server Administrators',
  'AWS Delegated Sites and Services Administrators',
  'AWS Delegated System Management Administrators',
  'AWS Delegated Terminal Server Licensing Administrators',
  'AWS Delegated User Principal Name Suffix Administrators',
  'AWS Private CA Connector for AD Delegated Group',
  'AWS Application and Service Delegated Group',
];

/** Customer users: name, given name, surname, department, title, city, office phone, enabled. */
const PEOPLE: ReadonlyArray<
  readonly [sam: string, given: string, surname: string, department: string, title: string, city: string, enabled: boolean]
> = [
  ['jdoe', 'Jane', 'Doe', 'Engineering', 'Principal Engineer', 'Seattle', true],
  ['jroe', 'John', 'Roe', 'Engineering', 'Engineering Manager', 'Seattle', true],
  ['rroe', 'Richard', 'Roe', 'Engineering', 'Software Engineer', 'Seattle', true],
  ['mmajor', 'Mary', 'Major', 'Engineering', 'Software Engineer', 'Austin', true],
  ['asmith', 'Alex', 'Smith', 'Engineering', 'Site Reliability Engineer', 'Austin', true],
  ['nwolf', 'Nikhil', 'Wolf', 'Engineering', 'Software Engineer', 'Seattle', true],
  ['pgarcia', 'Paulo', 'Garcia', 'Engineering', 'QA Engineer', 'Austin', false],
  ['twhitlock', 'Terry', 'Whitlock', 'Communications', 'Communications Lead', 'New York', true],
  ['jstiles', 'John', 'Stiles', 'Marketing', 'Marketing Manager', 'New York', true],
  ['mjackson', 'Mateo', 'Jackson', 'Marketing', 'Content Strategist', 'New York', true],
  ['lchen', 'Li', 'Chen', 'Marketing', 'Designer', 'San Francisco', true],
  ['sjohnson', 'Saanvi', 'Johnson', 'Sales', 'Sales Director', 'Chicago', true],
  ['dmiller', 'Diego', 'Miller', 'Sales', 'Account Executive', 'Chicago', true],
  ['akim', 'Ana', 'Kim', 'Sales', 'Account Executive', 'Denver', true],
  ['bbrown', 'Bo', 'Brown', 'Sales', 'Sales Engineer', 'Denver', false],
  ['cwilson', 'Carlos', 'Wilson', 'Accounting', 'Controller', 'Chicago', true],
  ['emartin', 'Efua', 'Martin', 'Accounting', 'Accountant', 'Chicago', true],
  ['fnguyen', 'Fatima', 'Nguyen', 'Accounting', 'Payroll Specialist', 'Chicago', true],
  ['gpatel', 'Gita', 'Patel', 'Human Resources', 'HR Director', 'Seattle', true],
  ['hlopez', 'Hiro', 'Lopez', 'Human Resources', 'Recruiter', 'Seattle', true],
  ['imoore', 'Ines', 'Moore', 'Human Resources', 'HR Generalist', 'Austin', true],
  ['kthomas', 'Kwame', 'Thomas', 'Operations', 'IT Administrator', 'Seattle', true],
  ['ltaylor', 'Liam', 'Taylor', 'Operations', 'Help Desk Technician', 'Austin', true],
  ['manderson', 'Maria', 'Anderson', 'Operations', 'Facilities Manager', 'Chicago', true],
  ['owhite', 'Olga', 'White', 'Legal', 'General Counsel', 'New York', true],
  ['pharris', 'Priya', 'Harris', 'Legal', 'Paralegal', 'New York', false],
  ['qclark', 'Quinn', 'Clark', 'Finance', 'Financial Analyst', 'Chicago', true],
  ['svc-backup', 'Backup', 'Service', 'Operations', 'Service account', 'Seattle', true],
];

const MANAGERS: Readonly<Record<string, string>> = {
  Engineering: 'jroe',
  Marketing: 'jstiles',
  Sales: 'sjohnson',
  Accounting: 'cwilson',
  'Human Resources': 'gpatel',
  Operations: 'kthomas',
  Legal: 'owhite',
  Finance: 'cwilson',
  Communications: 'jstiles',
};

function customerUser(entry: (typeof PEOPLE)[number], index: number): UserSeed {
  const [sam, given, surname, department, title, city, enabled] = entry;
  const managerSam = MANAGERS[department];
  const manager = managerSam !== undefined && managerSam !== sam ? PEOPLE.find((person) => person[0] === managerSam) : undefined;
  const isService = sam.startsWith('svc-');
  const other: Record<string, AttributeValue> = {
    displayName: { S: isService ? 'Backup service' : `${given} ${surname}` },
    department: { S: department },
    title: { S: title },
    company: { S: 'Example Corp' },
    l: { S: city },
    physicalDeliveryOfficeName: { S: `${city} ${index % 3 === 0 ? 'HQ' : 'Office'}` },
    telephoneNumber: { S: `+1 206 555 ${String(100 + index).padStart(4, '0')}` },
    co: { S: 'United States' },
    pwdLastSet: { N: FILETIME.passwordSet20261102 },
    lastLogonTimestamp: { N: enabled ? FILETIME.logon20261203 : FILETIME.logon20261201 },
    logonCount: { N: BigInt(enabled ? 40 + index * 7 : 3) },
  };
  if (manager) {
    other.manager = { S: `CN=${manager[0]},OU=Users,OU=CORP,DC=corp,DC=example,DC=com` };
  }
  if (sam === 'jdoe') {
    other.proxyAddresses = { SS: ['SMTP:jane.doe@corp.example.com', 'smtp:jdoe@corp.example.com'] };
    other.mobile = { S: '+1 206 555 0199' };
  }
  if (sam === 'mmajor') {
    // A contractor whose account expires at the end of June 2027.
    other.accountExpires = { N: FILETIME.expires20270630 };
  }
  if (isService) {
    other.servicePrincipalName = { SS: ['backup/files01.corp.example.com'] };
    other.description = { S: 'Runs the nightly file-share backup.' };
  }
  return {
    SAMAccountName: sam,
    GivenName: given,
    Surname: surname,
    ...(isService ? {} : { EmailAddress: sam === 'jdoe' ? 'jane.doe@corp.example.com' : `${sam}@corp.example.com` }),
    Enabled: enabled,
    OtherAttributes: other,
  };
}

function peopleIn(...departments: string[]): string[] {
  return PEOPLE.filter((person) => departments.includes(person[3]) && !person[0].startsWith('svc-')).map((person) => person[0]);
}

function demoDirectory(): DirectorySeed {
  const builtinGroups: GroupSeed[] = BUILTIN_GROUPS.map(([name, rid]) => ({
    SAMAccountName: name,
    SID: `S-1-5-32-${rid}`,
    Container: 'CN=Builtin',
    GroupType: 'Security',
    GroupScope: 'BuiltinLocal',
  }));
  const domainGroups: GroupSeed[] = DOMAIN_GROUPS.map(([name, rid, scope]) => ({
    SAMAccountName: name,
    SID: `${DOMAIN_SID}-${rid}`,
    Container: 'CN=Users',
    GroupType: 'Security',
    GroupScope: scope,
  }));
  const awsGroups: GroupSeed[] = AWS_DELEGATED_GROUPS.map((name) => ({
    SAMAccountName: name,
    Container: 'OU=AWS Delegated Groups',
    GroupType: 'Security',
    GroupScope: 'DomainLocal',
  }));

  const members: Record<string, GroupSeed['Members']> = {
    Administrators: ['Administrator', 'Domain Admins', 'Enterprise Admins'],
    Users: ['Domain Users'],
    Guests: ['Guest', 'Domain Guests'],
    'Domain Admins': ['Administrator'],
    'Enterprise Admins': ['Administrator'],
    'Schema Admins': ['Administrator'],
    'Group Policy Creator Owners': ['Administrator'],
    'Domain Controllers': ['IP-0A00010B$', 'IP-0A00020C$'],
    'Domain Computers': ['WS-ENG-001$', 'WS-ENG-002$', 'WS-FIN-001$'],
    'Denied RODC Password Replication Group': ['krbtgt', 'Domain Admins', 'Enterprise Admins', 'Schema Admins', 'Domain Controllers'],
    'Pre-Windows 2000 Compatible Access': ['Domain Computers'],
    'AWS Delegated Administrators': ['Admin'],
    'AWS Delegated Read Foreign Security Principals': [],
  };
  const groups = [...builtinGroups, ...domainGroups, ...awsGroups].map((group) => ({
    ...group,
    ...(members[group.SAMAccountName] ? { Members: members[group.SAMAccountName] } : {}),
  }));

  const customerGroups: GroupSeed[] = [
    {
      SAMAccountName: 'Engineering',
      OtherAttributes: { description: { S: 'Product engineering' }, displayName: { S: 'Engineering' } },
      Members: [...peopleIn('Engineering'), 'Engineering Managers'],
    },
    {
      SAMAccountName: 'Engineering Managers',
      OtherAttributes: { description: { S: 'People managers in engineering' } },
      Members: ['jroe'],
    },
    {
      SAMAccountName: 'Accounting',
      OtherAttributes: { description: { S: 'Accounting and payroll' } },
      Members: peopleIn('Accounting', 'Finance'),
    },
    {
      SAMAccountName: 'sales',
      OtherAttributes: { description: { S: 'Sales team' }, mail: { S: 'sales@corp.example.com' } },
      Members: peopleIn('Sales'),
    },
    {
      SAMAccountName: 'Marketing',
      OtherAttributes: { description: { S: 'Marketing and communications' } },
      Members: peopleIn('Marketing', 'Communications'),
    },
    {
      SAMAccountName: 'Human Resources',
      GroupScope: 'Universal',
      OtherAttributes: { description: { S: 'People team' } },
      Members: peopleIn('Human Resources'),
    },
    {
      SAMAccountName: 'DevOps',
      OtherAttributes: { description: { S: 'On-call rotation and infrastructure' } },
      Members: ['asmith', 'kthomas', 'nwolf', 'svc-backup'],
    },
    {
      SAMAccountName: 'Remote Access',
      GroupScope: 'DomainLocal',
      OtherAttributes: { description: { S: 'Allowed to use the VPN' } },
      Members: ['jdoe', 'jroe', 'sjohnson', 'dmiller', 'akim', 'kthomas', { SAMAccountName: 'lschmidt', Realm: DEMO_TRUSTED_REALM }],
    },
    {
      SAMAccountName: 'All Staff',
      GroupType: 'Distribution',
      GroupScope: 'Universal',
      OtherAttributes: {
        description: { S: 'Company-wide mailing list' },
        displayName: { S: 'All Staff' },
        mail: { S: 'all-staff@corp.example.com' },
        proxyAddresses: { SS: ['SMTP:all-staff@corp.example.com', 'smtp:everyone@corp.example.com'] },
      },
      Members: PEOPLE.filter((person) => !person[0].startsWith('svc-')).map((person) => person[0]),
    },
    {
      SAMAccountName: 'Europe Partners',
      GroupScope: 'DomainLocal',
      OtherAttributes: { description: { S: 'Colleagues from the trusted europe.example.com forest' } },
      Members: [
        { SAMAccountName: 'Pat Candella', Realm: DEMO_TRUSTED_REALM },
        { SAMAccountName: 'mrossi', Realm: DEMO_TRUSTED_REALM },
        { SAMAccountName: 'lschmidt', Realm: DEMO_TRUSTED_REALM },
        { SAMAccountName: 'adubois', Realm: DEMO_TRUSTED_REALM },
      ],
    },
  ];

  const builtinUsers: UserSeed[] = [
    {
      SAMAccountName: 'Administrator',
      SID: `${DOMAIN_SID}-500`,
      Container: 'CN=Users',
      OtherAttributes: { description: { S: 'Built-in account for administering the computer/domain' } },
    },
    {
      SAMAccountName: 'Guest',
      SID: `${DOMAIN_SID}-501`,
      Container: 'CN=Users',
      Enabled: false,
      OtherAttributes: { description: { S: 'Built-in account for guest access to the computer/domain' } },
    },
    {
      SAMAccountName: 'krbtgt',
      SID: `${DOMAIN_SID}-502`,
      Container: 'CN=Users',
      Enabled: false,
      OtherAttributes: { description: { S: 'Key Distribution Center Service Account' } },
    },
    {
      SAMAccountName: 'Admin',
      SID: `${DOMAIN_SID}-1103`,
      OtherAttributes: { description: { S: 'Directory administrator created by AWS' } },
    },
    {
      SAMAccountName: 'AWS_4kQ7pX2mZb',
      Container: 'OU=AWS Reserved',
      OtherAttributes: { description: { S: 'AWS Directory Service service account' } },
    },
  ];

  return {
    directoryId: DEMO_DIRECTORY_ID,
    realm: DEMO_REALM,
    netbiosName: 'CORP',
    domainSid: DOMAIN_SID,
    edition: 'standard',
    groups: [...groups, ...customerGroups],
    users: [...builtinUsers, ...PEOPLE.map(customerUser)],
    computers: [
      { SAMAccountName: 'IP-0A00010B$', Container: 'OU=Domain Controllers' },
      { SAMAccountName: 'IP-0A00020C$', Container: 'OU=Domain Controllers' },
      { SAMAccountName: 'WS-ENG-001$', Container: 'OU=Computers,OU=CORP' },
      { SAMAccountName: 'WS-ENG-002$', Container: 'OU=Computers,OU=CORP' },
      { SAMAccountName: 'WS-FIN-001$', Container: 'OU=Computers,OU=CORP' },
    ],
    trustedRealms: [
      {
        realm: DEMO_TRUSTED_REALM,
        netbiosName: 'EUROPE',
        domainSid: EUROPE_SID,
        users: [
          { SAMAccountName: 'Pat Candella', GivenName: 'Pat', Surname: 'Candella', EmailAddress: 'pat.candella@europe.example.com', Container: 'CN=Users' },
          { SAMAccountName: 'mrossi', GivenName: 'Marco', Surname: 'Rossi', EmailAddress: 'marco.rossi@europe.example.com', Container: 'CN=Users' },
          { SAMAccountName: 'lschmidt', GivenName: 'Lena', Surname: 'Schmidt', EmailAddress: 'lena.schmidt@europe.example.com', Container: 'CN=Users' },
          { SAMAccountName: 'adubois', GivenName: 'Amélie', Surname: 'Dubois', Container: 'CN=Users', Enabled: false },
        ],
        groups: [
          { SAMAccountName: 'Domain Users', SID: `${EUROPE_SID}-513`, Container: 'CN=Users' },
          { SAMAccountName: 'EU Sales', Container: 'CN=Users', Members: ['mrossi', 'Pat Candella'] },
        ],
      },
    ],
  };
}

/** Returns a fresh copy of the demo seed; callers may change it freely. */
export function demoSeed(): EmulatorSeed {
  return { directories: [demoDirectory()] };
}
