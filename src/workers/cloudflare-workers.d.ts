// The part of workerd's `cloudflare:workers` module this code uses: the Durable Object base class,
// whose subclasses' public methods are callable over RPC from a stub (compatibility date ≥ 2024-04-03).
// The state is typed by the subclass (cf-types.ts DurableObjectState): an ambient module may not
// import a relative one.
declare module 'cloudflare:workers' {
  export abstract class DurableObject<Env = unknown> {
    protected readonly env: Env;
    constructor(ctx: unknown, env: Env);
  }
}
