/**
 * A directory shaped after the documented examples of the DS Data API: directory
 * d-12233abcde for examplecorp.com, trusting europe.example.com, example.local and
 * example.domain.com, with the users and groups that the examples name.
 */
import type { EmulatorSeed } from '../../../src/emulator/index.js';

export const EXAMPLE_DIRECTORY_ID = 'd-12233abcde';

export function exampleSeed(): EmulatorSeed {
  return {
    directories: [
      {
        directoryId: EXAMPLE_DIRECTORY_ID,
        realm: 'examplecorp.com',
        users: [
          {
            SAMAccountName: 'twhitlock',
            GivenName: 'Terry',
            Surname: 'Whitlock',
            EmailAddress: 'terry.whitlock@examplecorp.com',
            OtherAttributes: {
              department: { S: 'communications' },
              manager: { S: 'CN=mmajors,OU=Users,OU=EXAMPLECORP,DC=examplecorp,DC=com' },
              ipPhone: { S: '111.111.111.111' },
              pwdLastSet: { N: 0n },
            },
          },
          { SAMAccountName: 'jstiles', GivenName: 'John', Surname: 'Stiles', EmailAddress: 'jstiles@examplecorp.com' },
          { SAMAccountName: 'mmajors', GivenName: 'Mary', Surname: 'Majors' },
        ],
        groups: [
          { SAMAccountName: 'Administrators', SID: 'S-1-5-32-544', Container: 'CN=Builtin', GroupScope: 'BuiltinLocal',
            Members: [{ SAMAccountName: 'twhitlock', Realm: 'example.local' }] },
          { SAMAccountName: 'Users', SID: 'S-1-5-32-545', Container: 'CN=Builtin', GroupScope: 'BuiltinLocal',
            Members: [{ SAMAccountName: 'twhitlock', Realm: 'example.local' }] },
          {
            SAMAccountName: 'Marketing',
            GroupScope: 'DomainLocal',
            Members: [
              { SAMAccountName: 'twhitlock', Realm: 'example.local' },
              { SAMAccountName: 'pcandella', Realm: 'example.local' },
              { SAMAccountName: 'jstiles', Realm: 'example.local' },
            ],
          },
          { SAMAccountName: 'DevOps', GroupScope: 'DomainLocal', Members: [{ SAMAccountName: 'Pat Candella', Realm: 'example.local' }] },
          { SAMAccountName: 'GuestsLocal', GroupScope: 'Global' },
        ],
        trustedRealms: [
          { realm: 'europe.example.com', users: [{ SAMAccountName: 'Pat Candella', GivenName: 'Pat', Surname: 'Candella' }] },
          {
            realm: 'example.local',
            users: [
              { SAMAccountName: 'twhitlock' },
              { SAMAccountName: 'pcandella' },
              { SAMAccountName: 'jstiles' },
              { SAMAccountName: 'Pat Candella' },
            ],
          },
          {
            realm: 'example.domain.com',
            groups: [
              {
                SAMAccountName: 'DevOpsMail',
                GroupType: 'Distribution',
                GroupScope: 'Global',
                OtherAttributes: { displayName: { S: 'DevOps mailing list' }, description: { S: 'A group for DevOps email.' } },
              },
            ],
          },
        ],
      },
    ],
  };
}
