/**
 * Checks of the Python variable names the wizard assigns in a kernel. Pure,
 * so the page can explain a bad name before it sends anything.
 */

/** Hard keywords of Python 3.11 (`keyword.kwlist`); none can be a variable name. */
const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del ' +
    'elif else except finally for from global if import in is lambda ' +
    'nonlocal not or pass raise return try while with yield'
  ).split(' ')
);

/**
 * Public names of the `builtins` module of Python 3.11. Assigning one hides
 * the builtin in the notebook until the variable is deleted.
 */
const BUILTINS = new Set(
  (
    'ArithmeticError AssertionError AttributeError BaseException ' +
    'BaseExceptionGroup BlockingIOError BrokenPipeError BufferError ' +
    'BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ' +
    'ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError ' +
    'Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup ' +
    'FileExistsError FileNotFoundError FloatingPointError FutureWarning ' +
    'GeneratorExit IOError ImportError ImportWarning IndentationError ' +
    'IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt ' +
    'LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError ' +
    'NotImplemented NotImplementedError OSError OverflowError ' +
    'PendingDeprecationWarning PermissionError ProcessLookupError ' +
    'RecursionError ReferenceError ResourceWarning RuntimeError ' +
    'RuntimeWarning StopAsyncIteration StopIteration SyntaxError ' +
    'SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError ' +
    'UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError ' +
    'UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ' +
    'ZeroDivisionError abs aiter all anext any ascii bin bool breakpoint ' +
    'bytearray bytes callable chr classmethod compile complex copyright ' +
    'credits delattr dict dir divmod enumerate eval exec exit filter float ' +
    'format frozenset getattr globals hasattr hash help hex id input int ' +
    'isinstance issubclass iter len license list locals map max memoryview ' +
    'min next object oct open ord pow print property quit range repr ' +
    'reversed round set setattr slice sorted staticmethod str sum super ' +
    'tuple type vars zip'
  ).split(' ')
);

/**
 * Names IPython keeps in the user namespace itself: the output cache (`_`,
 * `__`, `___`, `_5`), the input history (`_i`, `_ii`, `_i5`, `In`, `Out`)
 * and its helpers. IPython overwrites them, so a result stored there is lost.
 */
const IPYTHON_NAME = /^(_{1,3}|_\d+|_i{1,3}|_i\d+|_ih|_oh|_dh|In|Out|get_ipython)$/;

/**
 * Approximation of Python's identifier rule (PEP 3131): a letter, letter
 * number or underscore, then letters, digits, marks and connector
 * punctuation. The kernel repeats the check with `str.isidentifier()`.
 */
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** Outcome of checking a target name, before NFKC normalisation is applied. */
export type NameCheck =
  | { kind: 'ok'; name: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'empty' }
  | { kind: 'spaces'; name: string; suggestion: string }
  | { kind: 'keyword'; name: string }
  | { kind: 'reserved'; name: string }
  | { kind: 'invalid'; name: string; suggestion: string | null };

/**
 * Check `text` as the name of a new variable in the kernel.
 *
 * Returns `ok` with the name in NFKC form, the form Python itself uses for
 * identifiers, so `ﬁt` becomes `fit`. `builtin` means the name is valid but
 * hides a builtin, so the caller must ask before using it. Leading and
 * trailing white space is ignored.
 */
export function checkTargetName(text: string): NameCheck {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { kind: 'empty' };
  }
  const name = trimmed.normalize('NFKC');
  if (/\s/u.test(name)) {
    return { kind: 'spaces', name: trimmed, suggestion: suggestName(name) };
  }
  if (!IDENTIFIER.test(name)) {
    const suggestion = suggestName(name);
    return {
      kind: 'invalid',
      name: trimmed,
      suggestion: IDENTIFIER.test(suggestion) ? suggestion : null
    };
  }
  if (KEYWORDS.has(name)) {
    return { kind: 'keyword', name };
  }
  if (IPYTHON_NAME.test(name)) {
    return { kind: 'reserved', name };
  }
  if (BUILTINS.has(name)) {
    return { kind: 'builtin', name };
  }
  return { kind: 'ok', name };
}

/** Return whether `name` is one of Python's builtins, such as `list` or `print`. */
export function isBuiltinName(name: string): boolean {
  return BUILTINS.has(name);
}

/** Name of the predictions DataFrame that goes with the leaderboard `name`. */
export function predictionsName(name: string): string {
  return `${name}_predictions`;
}

/**
 * Turn `text` into a likely identifier: runs of characters that cannot be in
 * one become `_`, and a leading digit gets a `_` in front.
 */
function suggestName(text: string): string {
  const joined = text
    .replace(/[^\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  if (joined === '') {
    return 'wizard_results';
  }
  return /^\p{Nd}/u.test(joined) ? `_${joined}` : joined;
}
