/** Every source format the importer knows, in the order format detection tries them. */
import type { Reader } from './imported';
import { noticeReader } from './notice';

export const READERS: Reader[] = [noticeReader];
