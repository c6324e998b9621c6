/**
 * The README shows the files that are run, not copies that drift: every block after a
 * `<!-- file: PATH -->` marker is that file's text exactly, and every script in examples/slurm/ (which
 * `npm run test:slurm` submits to a real Slurm cluster) is shown so. To update the README after editing
 * a script, paste the file into its block.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Each marked block: the path named by its marker and the text between the fences. */
function fileBlocks(text: string): { path: string; body: string }[] {
  const out: { path: string; body: string }[] = [];
  for (const m of text.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```\n/g)) out.push({ path: m[1], body: m[2] });
  return out;
}

describe('README blocks taken from files', () => {
  const blocks = fileBlocks(readme);

  it('show every Slurm script in examples/slurm/', () => {
    const scripts = readdirSync(join(root, 'examples/slurm')).map((f) => `examples/slurm/${f}`);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    expect(blocks.map((b) => b.path).sort()).toEqual(expect.arrayContaining(scripts.sort()));
  });

  it('equal the files byte for byte', () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(b.body, `README block of ${b.path}`).toBe(readFileSync(join(root, b.path), 'utf8'));
  });

  it('finds a block that differs from its file', () => {
    const edited = readme.replace('#SBATCH --array=0-9', '#SBATCH --array=0-7');
    const b = fileBlocks(edited).find((x) => x.path === 'examples/slurm/sweep.sbatch');
    expect(b?.body).not.toBe(readFileSync(join(root, 'examples/slurm/sweep.sbatch'), 'utf8'));
  });

  it('shows scripts bash can parse', () => {
    for (const b of blocks) execFileSync('bash', ['-n', join(root, b.path)]);
    execFileSync('bash', ['-n', join(root, 'tools/slurm/test.sh')]);
  });
});
