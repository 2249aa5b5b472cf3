import { describeCases } from '../../testing/cases.ts';

describeCases('export', [
  ['export GREETING=hi; bash -c \'echo $GREETING\'', 'hi\n', '', 0],
  ['LOCAL=x; bash -c \'echo "[$LOCAL]"\'', '[]\n', '', 0],
  ['export LOCAL; bash -c \'echo "[$LOCAL]"\'', '[x]\n', '', 0],
  ['export -n LOCAL; bash -c \'echo "[$LOCAL]"\'; echo $LOCAL', '[]\nx\n', '', 0],
  ['export 1BAD=x', '', "bash: export: `1BAD=x': not a valid identifier\n", 1],
  ['export | grep GREETING', 'declare -x GREETING="hi"\n', '', 0],
  ['export -z', '', 'bash: export: -z: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n', 2],
]);
