/** Every source format the importer knows, in the order format detection tries them. */
import { graphReader } from './graph';
import type { Reader } from './imported';
import { noticeReader } from './notice';

// The notice reader last: its labels can appear inside JSON strings, a JSON document's keys cannot.
export const READERS: Reader[] = [graphReader, noticeReader];
