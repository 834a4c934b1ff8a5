/** The pure core: no vscode, no language-server connection. */
export * from './codes';
export * from './diagnostics';
export * from './model';
export * from './text';
export * from '../../../common/time';
export { parseIncident, yamlSource, DEFAULT_MAX_LENGTH, type CoreLogger, type ParseOptions, type ParsedIncident } from './parse';
export { STANDARD_RULES, type Rule } from './rules';
export { ParseCache } from './cache';
export { capDiagnostics, type CappedDiagnostics } from './problemCap';
export { duplicateIdDiagnostic, findDuplicateIds, MAX_NAMED_DUPLICATES, type IdLocation, type IncidentFile } from './workspace';
export { allTimes, formatWritable, isWritableIn, outsideWritableYears, unwritableZone } from './times';
export { nearest } from './suggest';
export { t, useTranslations, currentLanguage } from './l10n';
export { componentWindows, type ComponentWindow } from './components';
