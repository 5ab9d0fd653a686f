// Faults the stand-in injects, so tests can show what a user meets when AWS fails, waits or loses an answer.
// APPRUNNER_STANDIN_FAULTS is a JSON list of
//   {"method": "Create"|"Read"|"Update"|"Delete", "type": "<token substring>", "name": "<name substring>",
//    "mode": "refuse"|"lost-response"|"init-failed"|"slow", "times": N, "ms": M}
//  - refuse: AWS refuses the request, and nothing changes;
//  - lost-response: AWS does it, and its answer never arrives (the provider reports a network error);
//  - init-failed: AWS creates or updates it, but the change never completes (a connection ends FAILED_CREATION or
//    FAILED_UPDATE, an endpoint `failed`);
//  - slow: the answer comes M ms late (default 10000).
// A fault fires for the first N matching requests (default 1), counted across processes in the state file.
import { Store } from "./store";

export type FaultMode = "refuse" | "lost-response" | "init-failed" | "slow";
export interface Fault {
    method: "Create" | "Read" | "Update" | "Delete";
    type?: string;
    name?: string;
    mode: FaultMode;
    times?: number;
    ms?: number;
}

const MODES: FaultMode[] = ["refuse", "lost-response", "init-failed", "slow"];

export function parseFaults(text: string | undefined): Fault[] {
    if (!text) return [];
    const faults = JSON.parse(text);
    if (!Array.isArray(faults)) throw new Error(`APPRUNNER_STANDIN_FAULTS must be a JSON list, got: ${text}`);
    for (const f of faults) {
        if (!["Create", "Read", "Update", "Delete"].includes(f.method) || !MODES.includes(f.mode)) {
            throw new Error(
                `APPRUNNER_STANDIN_FAULTS: each fault needs a method (Create, Read, Update, Delete) and a ` +
                    `mode (${MODES.join(", ")}), got: ${JSON.stringify(f)}`,
            );
        }
    }
    return faults;
}

/** The fault that fires for this request, if any (and counts it): the first that matches and has not fired N times. */
export function faultFor(faults: Fault[], store: Store, method: string, type: string, name: string): Fault | undefined {
    const matching = faults
        .map((f, i) => [f, i] as const)
        .filter(([f]) => f.method === method && type.includes(f.type ?? "") && name.includes(f.name ?? ""));
    if (matching.length === 0) return undefined;
    return store.update((state) => {
        const found = matching.find(([f, i]) => (state.faultsFired[i] ?? 0) < (f.times ?? 1));
        if (found) state.faultsFired[found[1]] = (state.faultsFired[found[1]] ?? 0) + 1;
        return found?.[0];
    });
}
