import { Dialog, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

/**
 * Ask whether the pushed results may hide the Python builtin `name`.
 * Resolves true only when the person presses "Hide the builtin".
 */
export async function confirmHideBuiltin(
  name: string,
  trans: TranslationBundle
): Promise<boolean> {
  const answer = await showDialog({
    title: trans.__('Hide the builtin %1?', name),
    body: trans.__(
      "'%1' is a Python builtin. Storing the results there hides %1 in this kernel until you run del %1.",
      name
    ),
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.warnButton({ label: trans.__('Hide the builtin') })
    ]
  });
  return answer.button.accept;
}
