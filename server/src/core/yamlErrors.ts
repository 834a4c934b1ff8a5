/**
 * The `yaml` library's errors in our words: its messages are English only, so a yaml-syntax
 * diagnostic says what went wrong through t(), by the library's error code (kept in the
 * diagnostic's data), and the library's wording never reaches the user.
 */
import type { YAMLError } from 'yaml';
import type { IncidentDiagnostic } from './diagnostics';
import { t } from './l10n';
import type { Span } from './text';

/** A yaml-syntax diagnostic for one of the library's errors (or, as a warning, its warnings). */
export function yamlDiagnostic(error: Pick<YAMLError, 'code' | 'message'>, severity: 'error' | 'warning', span: Span): IncidentDiagnostic {
  return {
    code: 'yaml-syntax',
    severity,
    span,
    message: severity === 'error'
      ? t('YAML syntax error ({0}): {1}', error.code, describeYamlError(error))
      : t('YAML warning ({0}): {1}', error.code, describeYamlError(error)),
    data: { code: 'yaml-syntax', yamlCode: error.code },
  };
}

/** A sentence for the kind of error (lower case: it follows "YAML syntax error (CODE): "). */
export function describeYamlError(error: Pick<YAMLError, 'code' | 'message'>): string {
  switch (error.code) {
    case 'ALIAS_PROPS':
      return t('an alias (`*name`) cannot carry an anchor or a tag.');
    case 'BAD_ALIAS':
      return t('an anchor or alias name is empty or ends in `:`.');
    case 'BAD_COLLECTION_TYPE':
      return t('the tag does not fit this kind of collection.');
    case 'BAD_DIRECTIVE':
      return t('this `%` directive is not valid.');
    case 'BAD_DQ_ESCAPE':
      return t('this escape sequence is not valid in a double-quoted string.');
    case 'BAD_INDENT':
      return t('the indentation does not line up: the items of a list or mapping start at one column, and what is inside them further right.');
    case 'BAD_PROP_ORDER':
      return t('anchors and tags go after the `-`, `?` or `:` indicator.');
    case 'BAD_SCALAR_START':
      return t('a plain value cannot start with this character; put the value in quotes.');
    case 'BLOCK_AS_IMPLICIT_KEY':
      return t('a mapping or list cannot start on the line of another key (as in `a: b: c`); put it on lines of its own, or quote the value.');
    case 'BLOCK_IN_FLOW':
      return t('`- ` items and `key:` lines cannot go inside `[…]` or `{…}`.');
    case 'DUPLICATE_KEY':
      return t('this key is repeated in the same mapping.');
    case 'KEY_OVER_1024_CHARS':
      return t('the `:` after a key must come within 1,024 characters of the key\'s start.');
    case 'MISSING_CHAR':
      if (error.message.startsWith('Missing closing')) return t('the quoted text is not closed: add the closing quote.');
      if (error.message.startsWith('Implicit map keys need to be followed')) return t('a key has no `:` after it.');
      return t('a character is missing here: a `:` after a key, a `,` between items, a closing bracket, or a space after `:` or before `#`.');
    case 'MULTILINE_IMPLICIT_KEY':
      return t('a key runs over more than one line: the line above may lack a `:`, or a value with `:` in it needs quotes.');
    case 'MULTIPLE_ANCHORS':
      return t('a value can have at most one anchor.');
    case 'MULTIPLE_DOCS':
      return t('this text holds more than one YAML document.');
    case 'MULTIPLE_TAGS':
      return t('a value can have at most one tag.');
    case 'NON_STRING_KEY':
      return t('a key must be a string, not a list or a mapping.');
    case 'RESOURCE_EXHAUSTION':
      return t('the file is nested too deeply or holds too much to parse.');
    case 'TAB_AS_INDENT':
      return t('a tab is used as indentation; YAML indents with spaces only.');
    case 'TAG_RESOLVE_FAILED':
      return t('this tag is unknown, or the value does not fit it.');
    case 'UNEXPECTED_TOKEN':
      return t('this is not expected here: something above may be missing a `:`, a quote or a bracket, or be indented differently than meant.');
    case 'IMPOSSIBLE':
    default:
      return t('the YAML parser could not read this.');
  }
}
