/** Every source format the importer knows, in the order format detection tries them. */
import type { Reader } from './imported';

export const READERS: Reader[] = [];
