import { describeCases } from '../../testing/cases.ts';

describeCases('source', [
  ["printf 'V=sourced\\ncd /tmp\\n' > /root/vars.sh", '', '', 0],
  ['. /root/vars.sh; echo $V; pwd', 'sourced\n/tmp\n', '', 0],
  ['source /root/nope.sh', '', 'bash: /root/nope.sh: No such file or directory\n', 1],
  ['source', '', 'bash: source: filename argument required\nsource: usage: source filename [arguments]\n', 2],
]);
