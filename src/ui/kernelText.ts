/** Translated messages for the kernel source's errors and name checks. */
import { TranslationBundle } from '@jupyterlab/translation';

import { KernelBridgeError } from '../kernel/messages';
import { NameCheck } from '../kernel/names';
import { MAX_PUSH_BYTES } from '../kernel/tables';

/**
 * Return the message for a failed kernel operation. `notebook` is the path
 * of the notebook whose kernel was used, or null when none is open.
 */
export function kernelErrorText(
  reason: unknown,
  notebook: string | null,
  trans: TranslationBundle
): string {
  if (!(reason instanceof KernelBridgeError)) {
    return trans.__(
      'Could not use the DataFrame: %1',
      reason instanceof Error ? reason.message : String(reason)
    );
  }
  const where = notebook ?? '';
  const detail = reason.detail;
  switch (reason.code) {
    case 'no-kernel':
      return notebook
        ? trans.__(
            'The notebook %1 has no running kernel. Start a Python kernel (Kernel → Change Kernel…) to use its DataFrames.',
            where
          )
        : trans.__('Open a notebook with a running Python kernel to use its DataFrames.');
    case 'not-python':
      return trans.__(
        'The kernel of %1 runs %2, not Python. DataFrames come only from a Python kernel with pandas.',
        where,
        detail || trans.__('an unknown language')
      );
    case 'no-pandas':
      return trans.__(
        'pandas cannot be imported in the kernel of %1. Install it in the kernel\'s environment (pip install pandas), restart the kernel and press Refresh.',
        where
      );
    case 'busy':
      return trans.__(
        'The kernel of %1 is busy running a cell. Wait until the cell ends or interrupt it, then try again.',
        where
      );
    case 'timeout':
      return trans.__(
        'The kernel of %1 did not reply in time (status: %2). If a cell is running, wait until it ends and try again.',
        where,
        detail
      );
    case 'restarted':
      return trans.__(
        'The kernel of %1 restarted or stopped (%2) before the transfer finished. Run the cells that create your DataFrames again, then press Refresh.',
        where,
        detail
      );
    case 'not-found':
      return trans.__(
        "'%1' is no longer a DataFrame in the kernel of %2. Press Refresh to update the list.",
        detail,
        where
      );
    case 'invalid-name':
      return trans.__("The kernel rejected '%1' as a Python name. Choose another name.", detail);
    case 'builtin':
      return trans.__(
        "'%1' is a builtin in the kernel of %2. Choose another name, such as wizard_results.",
        detail,
        where
      );
    case 'no-comm':
      return trans.__(
        'The kernel of %1 does not support ipykernel comms, so it cannot send a DataFrame. Use an ipykernel Python kernel.',
        where
      );
    case 'too-large':
      return trans.__(
        'The results are %1 MiB as a kernel message, more than the %2 MiB the server accepts.',
        (Number(detail) / 2 ** 20).toFixed(1),
        MAX_PUSH_BYTES / 2 ** 20
      );
    case 'integrity':
      return trans.__('The DataFrame arrived damaged (%1). Try again.', detail);
    case 'kernel-error':
      return trans.__('The kernel of %1 reported an error: %2', where, detail);
  }
}

/** Return the message for a rejected push name; empty for an accepted one. */
export function nameCheckText(check: NameCheck, trans: TranslationBundle): string {
  switch (check.kind) {
    case 'ok':
      return '';
    case 'empty':
      return trans.__('Type a name for the results DataFrame, for example wizard_results.');
    case 'spaces':
      return trans.__(
        "'%1' contains spaces, which a Python name cannot. Use underscores instead, for example %2.",
        check.name,
        check.suggestion
      );
    case 'invalid':
      return check.suggestion
        ? trans.__(
            "'%1' is not a valid Python name: it must start with a letter or underscore and contain only letters, digits and underscores. Try %2.",
            check.name,
            check.suggestion
          )
        : trans.__(
            "'%1' is not a valid Python name: it must start with a letter or underscore and contain only letters, digits and underscores.",
            check.name
          );
    case 'keyword':
      return trans.__(
        "'%1' is a Python keyword and cannot be a variable name. Try %1_results.",
        check.name
      );
    case 'reserved':
      return trans.__(
        "IPython uses '%1' for its own input and output history and would overwrite the results. Choose another name.",
        check.name
      );
    case 'builtin':
      return trans.__(
        "'%1' is a Python builtin: storing the results there hides %1 in this kernel until you run del %1.",
        check.name
      );
  }
}
