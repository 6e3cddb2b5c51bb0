import type { RequestContext } from "./context.ts";

/**
 * Holds a server-sent-event response open until the client goes away (or the lake closes it):
 * a comment line as a heartbeat, the stream registered with the lake so that closing the lake
 * ends it, and `unsubscribe` called once it is over.
 */
export async function holdEventStream(ctx: RequestContext, unsubscribe: () => void): Promise<void> {
  const { req, res } = ctx;
  const heartbeat = setInterval(() => res.write(":\n\n"), ctx.lake.heartbeatMs);
  heartbeat.unref();
  ctx.lake.streams.add(res);
  await new Promise<void>((resolve) => {
    res.on("close", resolve);
    req.on("close", resolve);
  });
  clearInterval(heartbeat);
  unsubscribe();
  ctx.lake.streams.delete(res);
}
