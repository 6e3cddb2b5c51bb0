export type Doc = Record<string, unknown> & { _id: string; _type?: string; _rev?: string };

/** One changed document of a committed transaction. */
export interface Change {
  id: string;
  before: Doc | null;
  after: Doc | null;
  /** The mutations that produced this change, as listeners expect them. */
  mutations: unknown[];
}

export interface Transaction {
  id: string;
  timestamp: string;
  identity: string;
  changes: Change[];
}
