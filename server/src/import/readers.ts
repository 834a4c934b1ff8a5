/** Every source format the importer knows, in the order format detection tries them. */
import type { Reader } from './imported';
import { appleReader } from './readers/apple';
import { gcpReader } from './readers/gcp';
import { slackReader } from './readers/slack';
import { statuspageReader } from './readers/statuspage';
import { statuspageAtomReader } from './readers/statuspageAtom';

export const READERS: Reader[] = [statuspageReader, statuspageAtomReader, gcpReader, appleReader, slackReader];
