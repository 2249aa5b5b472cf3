/**
 * Lab: user-defined bridges. Two containers start on the default bridge, where they reach each
 * other only by address; move them to a network of your own and they resolve each other by name
 * through Docker's embedded DNS, while a container left on the default bridge still cannot.
 */
import { defineLab } from '../../src/grading/define-lab.ts';
import { allOf } from '../../src/grading/checks/result.ts';
import { containerOnNetwork, defaultBridgeDoesNotResolve, resolvesByName, userNetworkExists } from '../../src/grading/checks/docker.ts';
import { dockerOf } from '../../src/grading/checks/views.ts';

export default defineLab({
  id: 'user-defined-bridge-dns',
  title: 'User-defined bridges: containers that find each other by name',
  summary: 'Create a user-defined bridge network, attach two containers, and see Docker\'s embedded DNS resolve their names — which the default bridge never does.',
  environment: 'docker',
  setup: ['docker run -dit --name alpine1 alpine ash', 'docker run -dit --name alpine2 alpine ash', ''].join('\n'),
  tasks: [
    {
      id: 'create-network',
      title: 'Create the network alpine-net',
      description: 'Create a user-defined network called `alpine-net` with the `bridge` driver.',
      hints: ['`docker network --help` lists the network subcommands.', 'Run `docker network create --driver bridge alpine-net`.'],
      check: ({ world }) => userNetworkExists(dockerOf(world), { name: 'alpine-net', driver: 'bridge' }),
    },
    {
      id: 'attach-containers',
      title: 'Attach alpine1 and alpine2',
      description: 'The containers `alpine1` and `alpine2` already run on the default bridge. Attach both, still running, to `alpine-net`.',
      needs: ['create-network'],
      hints: [
        'A running container can join another network without a restart.',
        'Run `docker network connect alpine-net alpine1`, then the same for `alpine2`.',
      ],
      check: allOf(
        ({ world }) => containerOnNetwork(dockerOf(world), { container: 'alpine1', network: 'alpine-net' }),
        ({ world }) => containerOnNetwork(dockerOf(world), { container: 'alpine2', network: 'alpine-net' }),
      ),
    },
    {
      id: 'resolve-by-name',
      title: 'Reach each other by name',
      description: 'On `alpine-net`, `alpine1` must resolve `alpine2` by name and `alpine2` must resolve `alpine1`. Try `docker exec alpine1 ping -c 2 alpine2`.',
      needs: ['attach-containers'],
      hints: [
        'User-defined networks come with an embedded DNS server at 127.0.0.11 inside each container.',
        'Both containers must be running and attached to the same user-defined network.',
      ],
      check: allOf(
        ({ world }) => resolvesByName(dockerOf(world), { from: 'alpine1', name: 'alpine2' }),
        ({ world }) => resolvesByName(dockerOf(world), { from: 'alpine2', name: 'alpine1' }),
      ),
    },
    {
      id: 'default-bridge-no-dns',
      title: 'See the default bridge fail',
      description: 'Start a third container, `alpine3`, on the default bridge only. From it, `alpine1` must not resolve: `docker exec alpine3 ping -c 2 alpine1` says `bad address`.',
      hints: [
        'Without `--network`, `docker run` attaches a container to the default bridge.',
        'Run `docker run -dit --name alpine3 alpine ash`, then try the ping.',
      ],
      check: ({ world }) => defaultBridgeDoesNotResolve(dockerOf(world), { from: 'alpine3', name: 'alpine1' }),
    },
  ],
});
