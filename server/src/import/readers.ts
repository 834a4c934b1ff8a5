/** Every source format the importer knows, in the order format detection tries them. */
import { graphReader } from './readers/graph';
import type { Reader } from './imported';
import { noticeReader } from './readers/notice';
import { appleReader } from './readers/apple';
import { gcpReader } from './readers/gcp';
import { slackReader } from './readers/slack';
import { statuspageReader } from './readers/statuspage';
import { statuspageAtomReader } from './readers/statuspageAtom';

// The notice reader last: its labels can appear inside other sources' text, their keys cannot.
export const READERS: Reader[] = [statuspageReader, statuspageAtomReader, gcpReader, appleReader, slackReader, graphReader, noticeReader];
