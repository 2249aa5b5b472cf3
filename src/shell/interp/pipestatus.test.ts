/**
 * PIPESTATUS (bash 5.2 manual, "Shell Variables": "An array variable containing a list of exit
 * status values from the processes in the most-recently-executed foreground pipeline (which may
 * contain only a single command)"; "Pipelines": with pipefail the status is the last non-zero
 * one). `!` inverts $? but not PIPESTATUS, except for `[[ ]]` and `(( ))`, whose PIPESTATUS is
 * set from the inverted status (execute_cmd.c execute_command_internal, cm_cond/cm_arith). A
 * compound command leaves what its last pipeline set.
 */
import { describe } from 'vitest';
import { describeCases } from '../testing/cases.ts';

describe('PIPESTATUS', () => {
  describeCases('PIPESTATUS', [
    ['false | true; echo ${PIPESTATUS[@]}', '1 0\n', '', 0],
    ['true | (exit 3) | false; echo "${PIPESTATUS[*]} $? ${#PIPESTATUS[@]} ${PIPESTATUS[1]}"', '0 3 1 1 3 3\n', '', 0],
    ['false; echo ${PIPESTATUS[@]}; echo ${PIPESTATUS[@]}', '1\n0\n', '', 0],
    ['! false | (exit 4); echo "$? ${PIPESTATUS[@]}"', '0 1 4\n', '', 0],
    ['! [[ a == b ]]; echo "$? ${PIPESTATUS[@]}"; ! (( 0 )); echo "${PIPESTATUS[@]}"', '0 0\n0\n', '', 0],
    ['if false | true; then (exit 5) | true; fi; echo ${PIPESTATUS[@]}', '5 0\n', '', 0],
    ['set -o pipefail; false | true; echo "$? ${PIPESTATUS[@]}"; true | (exit 2) | true; echo "$? ${PIPESTATUS[@]}"; set +o pipefail', '1 1 0\n2 0 2 0\n', '', 0],
    ['true | false | true; echo "$? ${PIPESTATUS[@]}"', '0 0 1 0\n', '', 0],
    ['yes | head -1; echo ${PIPESTATUS[@]}', 'y\n141 0\n', '', 0],
  ]);
});
