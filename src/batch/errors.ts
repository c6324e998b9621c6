/**
 * Bad batch input the user can fix (seed lists, designs, shards, output folders). The CLI turns it into
 * a one-line message with exit code 2; the batch layer does not import the CLI (arrows point down).
 */
export class BatchInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchInputError';
  }
}
