// React's own server-side decoder of action arguments (what Next runs on a server action's
// body), for tests that check lib/http/action-request.ts against it. Run with
// `node --conditions=react-server`. Reads a JSON array of bodies on stdin, each a list of
// [name, value] form entries, and writes a JSON array of {ok, error} answers: ok when
// decodeReply settles with a value within a second, as Next would go on to run the action.
const DECODER =
  "../../node_modules/next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-server.node.production.js";

interface ReplyDecoder {
  decodeReply(body: FormData, manifest: object, options: object): Promise<unknown>;
  createTemporaryReferenceSet(): object;
}
const decoder = ((await import(DECODER)) as { default: ReplyDecoder }).default;

async function decode(entries: Array<[string, string]>): Promise<{ ok: boolean; error?: string }> {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("never settled")), 1000);
  });
  try {
    await Promise.race([
      decoder.decodeReply(form, {}, { temporaryReferences: decoder.createTemporaryReferenceSet() }),
      hung,
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

let input = "";
process.stdin.on("data", (chunk: Buffer) => (input += chunk.toString()));
process.stdin.on("end", () => {
  void (async () => {
    const answers = [];
    for (const entries of JSON.parse(input) as Array<Array<[string, string]>>) {
      answers.push(await decode(entries));
    }
    process.stdout.write(JSON.stringify(answers));
  })();
});
export {};
