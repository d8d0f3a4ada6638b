// The op-ed the first sample models (samples/us-pakistan-oped.txt, a copy of ../shared/seed/),
// read once for the prose tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../fixture';

export const OPED_PATH = join(repoRoot, 'samples', 'us-pakistan-oped.txt');
export const OPED = readFileSync(OPED_PATH, 'utf8');
export const OPED_DRAFT_PATH = join(repoRoot, 'samples', 'us-pakistan-oped.md');
export const SAMPLE_MODEL_PATH = join(repoRoot, 'samples', 'us-pakistan-2025.scenario');
