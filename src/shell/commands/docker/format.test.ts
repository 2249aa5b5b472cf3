/**
 * Formatting helpers against docker/cli and go-units: Go templates, tabwriter (10/1/3),
 * HumanDuration/HumanSize, DisplayablePorts grouping, Ellipsis, pflag errors.
 */
import { describe, expect, test } from 'vitest';
import { displayablePorts, ellipsis } from './container-view.ts';
import { FlagError, parseFlags } from './flags.ts';
import { renderTemplate, TemplateError } from './go-template.ts';
import { containerStatus, humanDuration, humanSize } from './human.ts';
import { tabwrite } from './tabwriter.ts';

describe('go templates', () => {
  const data = {
    Name: '/web',
    State: { Pid: 4242, Running: true },
    Config: { Cmd: ['nginx', '-g', 'daemon off;'], Labels: {} },
    NetworkSettings: { IPAddress: '', Networks: { b: { IPAddress: '172.19.0.2' }, a: { IPAddress: '172.18.0.2' } } },
  };
  test('fields, range over maps in key order, variables, json, if/else if/else, pipes', () => {
    expect(renderTemplate('{{.State.Pid}}', data)).toBe('4242');
    expect(renderTemplate('{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', data)).toBe('172.18.0.2 172.19.0.2 ');
    expect(renderTemplate('{{range $k, $v := .NetworkSettings.Networks}}{{$k}}:{{$v.IPAddress}};{{end}}', data)).toBe('a:172.18.0.2;b:172.19.0.2;');
    expect(renderTemplate('{{json .Config.Cmd}} {{.Config.Cmd}} {{json .Config.Labels}}', data)).toBe('["nginx","-g","daemon off;"] [nginx -g daemon off;] {}');
    expect(renderTemplate('{{if .State.Running}}up{{else if .Name}}named{{else}}down{{end}}', data)).toBe('up');
    expect(renderTemplate('{{if not .State.Running}}up{{else if eq .Name "/web"}}web{{else}}down{{end}}', data)).toBe('web');
    expect(renderTemplate('{{.Name | upper}} {{index .NetworkSettings.Networks "a" | json}} {{len .Config.Cmd}}', data)).toBe('/WEB {"IPAddress":"172.18.0.2"} 3');
    expect(renderTemplate('{{printf "%s-%d" .Name .State.Pid}} {{join .Config.Cmd ","}}', data)).toBe('/web-4242 nginx,-g,daemon off;');
    expect(renderTemplate('{{- .Name -}}   !{{.Missing}}', data)).toBe('/web!<no value>');
    expect(renderTemplate('{{with .State}}{{.Pid}}{{end}}', data)).toBe('4242');
  });
  test('errors carry Go wording', () => {
    expect(() => renderTemplate('{{.Name', data)).toThrow(new TemplateError('template: :1: unclosed action'));
    expect(() => renderTemplate('{{if .Name}}x', data)).toThrow(new TemplateError('template: :1: unexpected EOF'));
    expect(() => renderTemplate('{{frob .Name}}', data)).toThrow(new TemplateError('template: :1: function "frob" not defined'));
  });
});

describe('tabwriter', () => {
  test('minimum width 10, padding 3, last column unpadded', () => {
    expect(tabwrite([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ['17e324f45964', 'bridge', 'bridge', 'local'], ['6ed54d316334', 'docker_gwbridge', 'bridge', 'local']])).toBe(
      'NETWORK ID     NAME              DRIVER    SCOPE\n17e324f45964   bridge            bridge    local\n6ed54d316334   docker_gwbridge   bridge    local\n',
    );
  });
});

describe('go-units', () => {
  test('HumanDuration', () => {
    expect([500, 1000, 5000, 59_000, 60_000, 119_000, 120_000, 3_599_000, 3_600_000, 5_400_000, 47 * 3_600_000, 3 * 86_400_000, 20 * 86_400_000, 90 * 86_400_000, 800 * 86_400_000].map(humanDuration)).toEqual([
      'Less than a second', '1 second', '5 seconds', '59 seconds', 'About a minute', 'About a minute', '2 minutes', '59 minutes', 'About an hour', '2 hours', '47 hours', '3 days', '2 weeks', '3 months', '2 years',
    ]);
  });
  test('HumanSizeWithPrecision(size, 3)', () => {
    expect([0, 999, 4_430_000, 8_310_000, 152_000_000, 1_230_000_000].map(humanSize)).toEqual(['0B', '999B', '4.43MB', '8.31MB', '152MB', '1.23GB']);
  });
  test('Status texts', () => {
    const now = 100_000;
    expect(containerStatus({ status: 'running', exitCode: 0, startedAt: 95_000 }, now)).toBe('Up 5 seconds');
    expect(containerStatus({ status: 'exited', exitCode: 137, finishedAt: 97_000 }, now)).toBe('Exited (137) 3 seconds ago');
    expect(containerStatus({ status: 'created', exitCode: 0 }, now)).toBe('Created');
    expect(containerStatus({ status: 'paused', exitCode: 0, startedAt: 0 }, now)).toBe('Up About a minute (Paused)');
  });
});

describe('docker ps cells', () => {
  test('Ellipsis to 20 display characters', () => {
    expect(ellipsis("/docker-entrypoint.sh nginx -g 'daemon off;'", 20)).toBe('/docker-entrypoint.…');
    expect(ellipsis('sleep 3600', 20)).toBe('sleep 3600');
  });
  test('DisplayablePorts: a PORTS cell recorded from Docker 28 (microrealestate/microrealestate#250)', () => {
    const both = (port: number) => [
      { privatePort: port, type: 'tcp', ip: '0.0.0.0', publicPort: port },
      { privatePort: port, type: 'tcp', ip: '::', publicPort: port },
    ];
    expect(displayablePorts([
      { privatePort: 80, type: 'tcp' }, ...both(443), { privatePort: 2019, type: 'tcp' }, { privatePort: 443, type: 'udp' }, ...both(8080),
    ])).toBe('80/tcp, 0.0.0.0:443->443/tcp, [::]:443->443/tcp, 2019/tcp, 443/udp, 0.0.0.0:8080->8080/tcp, [::]:8080->8080/tcp');
  });

  test('DisplayablePorts groups ranges and lists host mappings last', () => {
    expect(displayablePorts([
      { privatePort: 80, type: 'tcp', ip: '0.0.0.0', publicPort: 8080 },
      { privatePort: 80, type: 'tcp', ip: '::', publicPort: 8080 },
    ])).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    expect(displayablePorts([
      { privatePort: 3306, type: 'tcp' }, { privatePort: 33060, type: 'tcp' }, { privatePort: 6379, type: 'tcp' },
      { privatePort: 7000, type: 'tcp' }, { privatePort: 7001, type: 'tcp' }, { privatePort: 7002, type: 'tcp' },
      { privatePort: 80, type: 'tcp', ip: '0.0.0.0', publicPort: 80 },
    ])).toBe('3306/tcp, 6379/tcp, 7000-7002/tcp, 0.0.0.0:80->80/tcp, 33060/tcp');
  });
});

describe('pflag parsing', () => {
  const specs = [
    { long: 'detach', short: 'd', kind: 'bool' as const },
    { long: 'name', kind: 'string' as const },
    { long: 'publish', short: 'p', kind: 'list' as const },
    { long: 'time', short: 't', kind: 'int' as const },
  ];
  test('bundled shorthands, = values, lists and non-interspersed positionals', () => {
    const f = parseFlags(['-dp8080:80', '--name=web', '-p', '53:53/udp', 'alpine', '--name', 'x'], specs, false);
    expect([...f.bools]).toEqual(['detach']);
    expect(f.strings.get('name')).toBe('web');
    expect(f.lists.get('publish')).toEqual(['8080:80', '53:53/udp']);
    expect(f.positionals).toEqual(['alpine', '--name', 'x']);
  });
  test('errors', () => {
    expect(() => parseFlags(['--foo'], specs)).toThrow(new FlagError('unknown flag: --foo'));
    expect(() => parseFlags(['-z'], specs)).toThrow(new FlagError("unknown shorthand flag: 'z' in -z"));
    expect(() => parseFlags(['--name'], specs)).toThrow(new FlagError('flag needs an argument: --name'));
    expect(() => parseFlags(['-p'], specs)).toThrow(new FlagError("flag needs an argument: 'p' in -p"));
    expect(() => parseFlags(['-t', 'soon'], specs)).toThrow(new FlagError('invalid argument "soon" for "-t, --time" flag: strconv.ParseInt: parsing "soon": invalid syntax'));
  });
});
