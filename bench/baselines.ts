/**
 * The two reference servers of the gateway overhead benchmark. Both are a bare Apollo
 * Server 5 on Fastify with no authentication, validation rules, loaders, metrics or logging.
 * `describe` resolves `user` with one `DescribeUser` call through the project's DS Data
 * client, and `constant` returns a fixed user without any upstream call.
 *
 * The `describe` server builds its client as the gateway does (`createUpstreamClient`), from
 * the gateway's benchmark configuration: the same timeouts, retry settings and quota
 * scheduler. What the gateway adds on top of that client is what the benchmark measures.
 */
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';

import { DescribeUserCommand, type DirectoryServiceDataClient } from '../src/ds-data/index.js';
import { createCallScheduler } from '../src/ds-data/scheduler.js';
import { createUpstreamClient, LOCAL_CREDENTIALS } from '../src/upstream-client.js';
import { loadBenchConfig } from './bench-config.js';

export type BaselineKind = 'describe' | 'constant';

export interface RunningServer {
  /** GraphQL endpoint, such as http://127.0.0.1:40123/graphql. */
  readonly url: string;
  close(): Promise<void>;
}

const TYPE_DEFS = /* GraphQL */ `
  type User {
    samAccountName: String!
    sid: String
    givenName: String
    surname: String
    emailAddress: String
    enabled: Boolean
  }

  type Query {
    user(directoryId: String, samAccountName: String!): User
  }
`;

const CONSTANT_USER = {
  samAccountName: 'jdoe',
  sid: 'S-1-5-21-2943712086-1716543893-3270154418-1104',
  givenName: 'John',
  surname: 'Doe',
  emailAddress: 'john.doe@corp.example.com',
  enabled: true,
};

export interface BaselineOptions {
  readonly kind: BaselineKind;
  /** Emulator base URL; needed by `describe`. */
  readonly endpoint?: string;
  readonly directoryId: string;
  /** The gateway's variables on top of the benchmark defaults, for the client of `describe`. */
  readonly gatewayEnv?: Readonly<Record<string, string>>;
}

/** Starts a baseline server on 127.0.0.1 and a free port. */
export async function startBaseline(options: BaselineOptions): Promise<RunningServer> {
  const client = options.kind === 'describe' ? createGatewayClient(options) : undefined;

  const resolvers = {
    Query: {
      user: async (_parent: unknown, args: { directoryId?: string; samAccountName: string }) => {
        if (!client) {
          return CONSTANT_USER;
        }
        const user = await client.send(
          new DescribeUserCommand({ DirectoryId: args.directoryId ?? options.directoryId, SAMAccountName: args.samAccountName }),
        );
        return {
          samAccountName: user.SAMAccountName,
          sid: user.SID,
          givenName: user.GivenName,
          surname: user.Surname,
          emailAddress: user.EmailAddress,
          enabled: user.Enabled,
        };
      },
    },
  };

  const app = Fastify();
  const apollo = new ApolloServer({ typeDefs: TYPE_DEFS, resolvers, plugins: [fastifyApolloDrainPlugin(app)] });
  await apollo.start();
  await app.register(fastifyApollo(apollo));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await app.close();
      client?.destroy();
    },
  };
}

/** Creates the DS Data client with the gateway's settings and quota scheduler, without its metrics, and with fixed local credentials. */
function createGatewayClient(options: BaselineOptions): DirectoryServiceDataClient {
  const config = loadBenchConfig(options.endpoint, options.gatewayEnv);
  return createUpstreamClient(config, { credentials: LOCAL_CREDENTIALS, scheduler: createCallScheduler(config.scheduler) });
}
